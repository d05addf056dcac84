using System.CommandLine;
using System.Globalization;
using CloudEconomics.Charts;
using CloudEconomics.Finance;
using NodaTime;
using Spectre.Console;

namespace CloudEconomics.Cli;

internal static partial class Commands
{
    private static void AddFinanceCommands(RootCommand root, CliContext context)
    {
        root.Subcommands.Add(NpvCommand(context));
        root.Subcommands.Add(IrrCommand(context));
        root.Subcommands.Add(PaybackCommand(context));
    }

    private static Argument<string[]> ValuesArgument() => new("values")
    {
        Description = "Cash flows, one per period, as separate arguments or comma-separated. Put -- before them when the first is negative.",
        Arity = ArgumentArity.OneOrMore,
    };

    private static Command NpvCommand(CliContext context)
    {
        var rate = new Option<string>("--rate") { Description = "Discount rate per period, e.g. 0.08.", Required = true };
        var values = ValuesArgument();
        var command = new Command("npv", "Net present value of periodic cash flows, like Excel's NPV (the first value is discounted by one period).") { rate, values };
        command.SetAction(parse =>
        {
            var r = ParseNumber(parse.GetValue(rate)!, "--rate");
            var flows = ParseNumbers(parse.GetValue(values)!, "A cash flow");
            var npv = CashFlowMath.Npv(r, flows);
            if (parse.GetValue(Format) == OutputFormat.Json)
            {
                context.WriteJson(new { function = "NPV", rate = r, values = flows, npv });
            }
            else
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"NPV at {Percent(r)} per period of {flows.Length} flows: {npv:#,0.######}"));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command IrrCommand(CliContext context)
    {
        var guess = new Option<string>("--guess") { Description = "Starting guess, as Excel's (default 0.1).", DefaultValueFactory = _ => "0.1" };
        var values = ValuesArgument();
        var command = new Command("irr", "Internal rate of return per period of periodic cash flows, like Excel's IRR.") { guess, values };
        command.SetAction(parse =>
        {
            var g = ParseNumber(parse.GetValue(guess)!, "--guess");
            var flows = ParseNumbers(parse.GetValue(values)!, "A cash flow");
            var irr = CashFlowMath.Irr(flows, g);
            if (parse.GetValue(Format) == OutputFormat.Json)
            {
                context.WriteJson(new { function = "IRR", values = flows, irr });
            }
            else
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"IRR per period of {flows.Length} flows: {irr:0.##########} ({Percent(irr)})"));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command PaybackCommand(CliContext context)
    {
        var file = new Option<FileInfo?>("--file") { Description = "Dated cash flows: CSV with lines 'date,amount' (ISO dates; a header line is allowed)." };
        var flow = new Option<string[]>("--flow") { Description = "A dated cash flow DATE=AMOUNT, e.g. 2025-01-01=-1000; repeat for each flow.", AllowMultipleArgumentsPerToken = false };
        var currency = new Option<string>("--currency") { Description = "ISO 4217 currency of the amounts (default USD).", DefaultValueFactory = _ => "USD" };
        var rate = new Option<string?>("--rate") { Description = "Annual discount rate for NPV and discounted payback (actual/365, like XNPV), e.g. 0.08." };
        var chart = new Option<FileInfo?>("--chart") { Description = "Write the cumulative cash flow with the payback point as an SVG chart to this file." };
        var command = new Command("payback", "Payback date, discounted payback, IRR (XIRR) and NPV (XNPV) of dated cash flows.") { file, flow, currency, rate, chart };
        command.SetAction(parse =>
        {
            var money = Currency.FromCode(parse.GetValue(currency)!);
            var flows = new List<CashFlow>();
            if (parse.GetValue(file) is { } f)
            {
                flows.AddRange(ReadCashFlowCsv(f, money));
                if (flows.Count == 0)
                {
                    throw new InvalidDataException($"{f}: no cash flows; expected lines 'date,amount' (ISO dates; a header line is allowed).");
                }
            }
            foreach (var token in parse.GetValue(flow) ?? [])
            {
                var parts = token.Split('=', 2);
                if (parts.Length != 2)
                {
                    throw new UsageException($"--flow must be DATE=AMOUNT such as 2025-01-01=-1000; it was '{token}'.");
                }
                flows.Add(new CashFlow(ParseDate(parts[0], "--flow date"), new Money(ParseDecimal(parts[1], "--flow amount"), money)));
            }
            if (flows.Count == 0)
            {
                throw new UsageException("payback needs cash flows: --file FILE or --flow DATE=AMOUNT (repeated).");
            }
            var schedule = new CashFlowSchedule(flows);
            double? annualRate = parse.GetValue(rate) is { } r ? ParseNumber(r, "--rate") : null;
            var payback = schedule.Payback();
            var discounted = annualRate is { } ar ? schedule.DiscountedPayback(ar) : null;
            double? irr = schedule.TryInternalRateOfReturn(out var x) ? x : null;
            Money? npv = annualRate is { } ar2 ? schedule.NetPresentValue(ar2, schedule.StartDate) : null;
            if (parse.GetValue(chart) is { } chartFile)
            {
                WriteCumulativeChart(schedule, payback, chartFile);
            }
            if (parse.GetValue(Format) == OutputFormat.Json)
            {
                context.WriteJson(new
                {
                    currency = money.Code,
                    flows = schedule.Select(c => new { date = c.Date, amount = c.Amount.Amount }),
                    total = schedule.Total,
                    payback,
                    discountedPayback = discounted,
                    annualRate,
                    irr,
                    npv,
                });
                return ExitCodes.Success;
            }
            var table = new Table().AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned()).AddColumn("How");
            table.AddRow("Flows", schedule.Count.ToString(CultureInfo.InvariantCulture), $"{schedule.StartDate:uuuu-MM-dd} to {schedule.EndDate:uuuu-MM-dd}");
            table.AddRow("Total", Markup.Escape(schedule.Total.ToString()), "sum of flows");
            table.AddRow("Payback", Markup.Escape(Describe(payback)), "linear inside the recovering period; years = days / 365");
            if (discounted is not null)
            {
                table.AddRow("Discounted payback", Markup.Escape(Describe(discounted)), $"at {Percent(annualRate!.Value)} a year, actual/365");
            }
            table.AddRow("IRR (annual)", irr is { } i ? Percent(i) : "no rate exists", "XIRR, actual/365");
            if (npv is { } n)
            {
                table.AddRow("NPV", Markup.Escape(n.Round(MidpointRounding.ToEven).ToString()), $"XNPV at {Percent(annualRate!.Value)} to {schedule.StartDate:uuuu-MM-dd}");
            }
            context.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    internal static string Describe(PaybackResult payback) => payback.IsReached
        ? string.Create(CultureInfo.InvariantCulture, $"{payback.Date:uuuu-MM-dd} ({payback.Years:0.##} years)")
        : "not reached";

    private static IEnumerable<CashFlow> ReadCashFlowCsv(FileInfo file, Currency currency)
    {
        if (!file.Exists)
        {
            throw new FileNotFoundException($"Cash flow file '{file.FullName}' does not exist.");
        }
        int lineNumber = 0;
        bool first = true;
        // At most 16 MiB of UTF-8 text in at most 1,000,000 lines of at most 4,096 characters (the library's bounded reader).
        foreach (var raw in CloudEconomics.Utility.BoundedInput.ReadFileLines(file.FullName, file.ToString()))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var parts = line.Split(',', 2, StringSplitOptions.TrimEntries);
            if (first)
            {
                first = false;
                if (parts[0].Equals("date", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
            }
            if (parts.Length != 2)
            {
                throw new InvalidDataException($"{file.Name}:{lineNumber}: expected 'date,amount'; found '{line}'.");
            }
            LocalDate date;
            decimal amount;
            try
            {
                date = ParseDate(parts[0], "date");
                amount = ParseDecimal(parts[1], "amount");
            }
            catch (UsageException e)
            {
                throw new InvalidDataException($"{file.Name}:{lineNumber}: {e.Message}");
            }
            yield return new CashFlow(date, new Money(amount, currency));
        }
    }

    private static void WriteCumulativeChart(CashFlowSchedule schedule, PaybackResult payback, FileInfo file)
    {
        var start = schedule.StartDate;
        double Years(LocalDate d) => Period.Between(start, d, PeriodUnits.Days).Days / 365d;
        var points = schedule.CumulativePosition().Select(c => new ChartPoint(Years(c.Date), c.Amount.ToDouble())).ToList();
        if (points.Count == 1)
        {
            points.Insert(0, new ChartPoint(0, 0));
        }
        var marker = payback.IsReached ? new ChartMarker(payback.Years!.Value, 0, string.Create(CultureInfo.InvariantCulture, $"payback {payback.Date:uuuu-MM-dd} ({payback.Years:0.##} y)")) : null;
        var svg = SvgCharts.LineChart(points, new ChartOptions("Cumulative cash flow", "Years from the first flow", $"Cumulative cash ({schedule.Currency.Code})"), marker);
        File.WriteAllText(file.FullName, svg);
    }
}
