using System.CommandLine;
using System.Globalization;
using CloudEconomics.Charts;
using CloudEconomics.Finance;
using NodaTime;
using Spectre.Console;

namespace CloudEconomics.Cli;

/// <summary><c>payback</c>: payback date, discounted payback, IRR (XIRR) and NPV (XNPV) of dated cash flows.</summary>
internal sealed class PaybackCommand
{
    /// <summary>What the command was asked: the dated flows, the annual rate (optional) and where to write a chart.</summary>
    internal sealed record Settings(IReadOnlyList<CashFlow> Flows, Currency Currency, double? AnnualRate, FileInfo? Chart, bool Json);

    private readonly Option<FileInfo?> file = new("--file") { Description = "Dated cash flows: CSV with lines 'date,amount' (ISO dates; a header line is allowed)." };
    private readonly Option<string[]> flow = new("--flow") { Description = "A dated cash flow DATE=AMOUNT, e.g. 2025-01-01=-1000; repeat for each flow.", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string> currency = new("--currency") { Description = "ISO 4217 currency of the amounts (default USD).", DefaultValueFactory = _ => "USD" };
    private readonly Option<string?> rate = new("--rate") { Description = "Annual discount rate for NPV and discounted payback (actual/365, like XNPV), e.g. 0.08." };
    private readonly Option<FileInfo?> chart = new("--chart") { Description = "Write the cumulative cash flow with the payback point as an SVG chart to this file." };

    internal static Command Build(CliContext context) => new PaybackCommand().Create(context);

    private Command Create(CliContext context)
    {
        var command = new Command("payback", "Payback date, discounted payback, IRR (XIRR) and NPV (XNPV) of dated cash flows.") { file, flow, currency, rate, chart };
        command.SetAction(parse => Execute(context, Parse(parse)));
        return command;
    }

    private Settings Parse(ParseResult parse)
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
            flows.Add(new CashFlow(Commands.ParseDate(parts[0], "--flow date"), new Money(Commands.ParseDecimal(parts[1], "--flow amount"), money)));
        }
        if (flows.Count == 0)
        {
            throw new UsageException("payback needs cash flows: --file FILE or --flow DATE=AMOUNT (repeated).");
        }
        double? annualRate = parse.GetValue(rate) is { } r ? Commands.ParseNumber(r, "--rate") : null;
        return new Settings(flows, money, annualRate, parse.GetValue(chart), Commands.IsJson(parse));
    }

    internal static PaybackCommandResult Run(Settings settings, out CashFlowSchedule schedule)
    {
        schedule = new CashFlowSchedule(settings.Flows);
        var payback = schedule.Payback();
        var discounted = settings.AnnualRate is { } ar ? schedule.DiscountedPayback(ar) : null;
        double? irr = schedule.TryInternalRateOfReturn(out var x) ? x : null;
        Money? npv = settings.AnnualRate is { } ar2 ? schedule.NetPresentValue(ar2, schedule.StartDate) : null;
        return new PaybackCommandResult(settings.Currency.Code, schedule.Select(c => new DatedAmount(c.Date, c.Amount.Amount)).ToList(),
            schedule.Total, payback, discounted, settings.AnnualRate, irr, npv);
    }

    private static int Execute(CliContext context, Settings settings)
    {
        var result = Run(settings, out var schedule);
        if (settings.Chart is { } chartFile)
        {
            WriteCumulativeChart(schedule, result.Payback, chartFile);
        }
        if (settings.Json)
        {
            context.WriteJson(result);
            return ExitCodes.Success;
        }
        var table = new Table().AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned()).AddColumn("How");
        table.AddRow("Flows", schedule.Count.ToString(CultureInfo.InvariantCulture), $"{CloudEconomics.Serialization.IsoDate.Format(schedule.StartDate)} to {CloudEconomics.Serialization.IsoDate.Format(schedule.EndDate)}");
        table.AddRow("Total", Markup.Escape(schedule.Total.ToString()), "sum of flows");
        table.AddRow("Payback", Markup.Escape(Commands.Describe(result.Payback)), "linear inside the recovering period; years = days / 365");
        if (result.DiscountedPayback is { } discounted)
        {
            table.AddRow("Discounted payback", Markup.Escape(Commands.Describe(discounted)), $"at {Commands.Percent(result.AnnualRate!.Value)} a year, actual/365");
        }
        table.AddRow("IRR (annual)", result.Irr is { } i ? Commands.Percent(i) : "no rate exists", "XIRR, actual/365");
        if (result.Npv is { } n)
        {
            table.AddRow("NPV", Markup.Escape(n.Round(MidpointRounding.ToEven).ToString()), $"XNPV at {Commands.Percent(result.AnnualRate!.Value)} to {CloudEconomics.Serialization.IsoDate.Format(schedule.StartDate)}");
        }
        context.Console.Write(table);
        return ExitCodes.Success;
    }

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
                date = Commands.ParseDate(parts[0], "date");
                amount = Commands.ParseDecimal(parts[1], "amount");
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
        var marker = payback.IsReached ? new ChartMarker(payback.Years!.Value, 0, string.Create(CultureInfo.InvariantCulture, $"payback {CloudEconomics.Serialization.IsoDate.Format(payback.Date)} ({payback.Years:0.##} y)")) : null;
        var svg = SvgCharts.LineChart(points, new ChartOptions("Cumulative cash flow", "Years from the first flow", $"Cumulative cash ({schedule.Currency.Code})"), marker);
        File.WriteAllText(file.FullName, svg);
    }
}

/// <summary>One dated flow of <see cref="PaybackCommandResult"/>.</summary>
/// <param name="Date">The ISO date.</param>
/// <param name="Amount">The amount (decimal, in <see cref="PaybackCommandResult.Currency"/>; negative = out).</param>
internal sealed record DatedAmount(LocalDate Date, decimal Amount);

/// <summary>The JSON contract of <c>payback --format json</c>.</summary>
/// <param name="Currency">The ISO 4217 code of every amount.</param>
/// <param name="Flows">The flows in date order.</param>
/// <param name="Total">The sum of the flows (Money).</param>
/// <param name="Payback">When the cumulative position turns non-negative (the library's <see cref="PaybackResult"/>: <c>isReached</c>, <c>date</c>, <c>years</c> = days / 365).</param>
/// <param name="DiscountedPayback">The same on flows discounted at <paramref name="AnnualRate"/> (actual/365); null without <c>--rate</c>.</param>
/// <param name="AnnualRate">The annual discount rate given with <c>--rate</c>, as a fraction; null when not given.</param>
/// <param name="Irr">XIRR, an annual rate as a fraction (actual/365); null when no rate exists.</param>
/// <param name="Npv">XNPV at <paramref name="AnnualRate"/> to the first flow's date (Money); null without <c>--rate</c>.</param>
internal sealed record PaybackCommandResult(
    string Currency, IReadOnlyList<DatedAmount> Flows, Money Total, PaybackResult Payback, PaybackResult? DiscountedPayback, double? AnnualRate, double? Irr, Money? Npv);
