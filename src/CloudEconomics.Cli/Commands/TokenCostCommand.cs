using System.CommandLine;
using System.Globalization;
using CloudEconomics.Catalog;
using CloudEconomics.Charts;
using CloudEconomics.Inference;
using CloudEconomics.Reports;
using NodaTime;
using Spectre.Console;

namespace CloudEconomics.Cli;

/// <summary>
/// <c>token-cost</c>: catalog offers ranked by blended price per million tokens (the workload defaults are the seed
/// report's, <see cref="SeedReportOptions.DefaultWorkload"/>), or the simple sum from a price and a throughput.
/// </summary>
internal sealed class TokenCostCommand
{
    /// <summary>What the ranking was asked: the model, workload, purchase option (null = all), instance filter and chart file.</summary>
    internal sealed record Settings(ModelProfile Model, Workload Workload, PurchaseOptionKind? Option, string OptionText, IReadOnlyList<string> Instances, FileInfo? Chart, bool Json);

    /// <summary>What the simple sum was asked: price, throughput at full load and utilisation.</summary>
    internal sealed record SimpleSettings(decimal PricePerHour, double TokensPerSecond, double Utilization, bool Json);

    private readonly Option<string?> model = new("--model") { Description = "Model preset id from the model library (seeds/models), e.g. llama-3.1-70b." };
    private readonly Option<string[]> instance = new("--instance") { Description = "Only this instance type (repeat for several), e.g. p5.48xlarge." };
    private readonly Option<string> option = new("--option")
    {
        Description = "Purchase option: " + string.Join(", ", Commands.OptionNames.Keys) + " or all (default on-demand).",
        DefaultValueFactory = _ => "on-demand",
    };
    private readonly Option<string> prompt = new("--prompt")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"Prompt tokens per request (default {SeedReportOptions.DefaultWorkload.PromptTokens.Tokens:0}, the seed report's workload)."),
        DefaultValueFactory = _ => SeedReportOptions.DefaultWorkload.PromptTokens.Tokens.ToString("R", CultureInfo.InvariantCulture),
    };
    private readonly Option<string> output = new("--output")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"Output tokens per request (default {SeedReportOptions.DefaultWorkload.OutputTokens.Tokens:0})."),
        DefaultValueFactory = _ => SeedReportOptions.DefaultWorkload.OutputTokens.Tokens.ToString("R", CultureInfo.InvariantCulture),
    };
    private readonly Option<int> batch = new("--batch")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"Concurrent sequences per replica (default {SeedReportOptions.DefaultWorkload.BatchSize}; lowered when the KV cache does not fit)."),
        DefaultValueFactory = _ => SeedReportOptions.DefaultWorkload.BatchSize,
    };
    private readonly Option<string> utilization = new("--utilization")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"Share of paid hours busy, in (0, 1] (default {SeedReportOptions.DefaultWorkload.Utilization:0.##} for ranking; 1 for --price)."),
    };
    private readonly Option<string?> price = new("--price") { Description = "Simple sum instead of ranking: the hourly price (USD/h) of hardware producing --tokens-per-second." };
    private readonly Option<string?> tokensPerSecond = new("--tokens-per-second") { Description = "With --price: throughput at full load, tokens per second." };
    private readonly Option<FileInfo?> chart = new("--chart") { Description = "Write the ranking as an SVG bar chart (USD per million tokens) to this file." };

    internal static Command Build(CliContext context) => new TokenCostCommand().Create(context);

    private Command Create(CliContext context)
    {
        var command = new Command("token-cost", "Catalog offers for a model ranked by blended price per million tokens, or the simple sum from --price and --tokens-per-second.") { model, instance, option, prompt, output, batch, utilization, price, tokensPerSecond, chart };
        command.WithExamples("""
            Price per million tokens. Ranks the catalog's offers for a model by blended price per million tokens (roofline
            throughput from data-sheet peaks; the cheapest fitting tensor-parallel layout per offer), with the limiting bounds,
            the offers that cannot serve the model and why, and where each price comes from. Or, with --price and
            --tokens-per-second, the simple sum price / (tokens per second x 3,600 x utilisation) x 1,000,000.

            Examples:
              cloudecon token-cost --model llama-3.1-70b
              cloudecon token-cost --model llama-3.1-8b --instance inf2.xlarge --instance g6.xlarge --option all
              cloudecon token-cost --model llama-3.1-70b --prompt 500 --output 1500 --batch 32 --utilization 0.8 --as-of 2025-01-01
              cloudecon token-cost --price 98.32 --tokens-per-second 10000          (2.7311 USD per million tokens)
              cloudecon token-cost --model llama-3.1-70b --chart token-cost.svg --format json
            """);
        command.SetAction(parse =>
        {
            if (parse.GetValue(price) is { } priceText)
            {
                return ExecuteSimple(context, ParseSimple(parse, priceText));
            }
            var settings = Parse(parse);
            return Execute(context, Commands.LoadCatalog(parse), settings);
        });
        return command;
    }

    private Settings Parse(ParseResult parse)
    {
        if (parse.GetValue(tokensPerSecond) is not null)
        {
            throw new UsageException("--tokens-per-second goes with --price; to rank catalog offers give --model instead.");
        }
        var modelId = parse.GetValue(model) ?? throw new UsageException("token-cost needs --model ID (to rank catalog offers) or --price and --tokens-per-second (the simple sum).");
        if (!ModelLibrary.Default.TryGet(modelId, out var profile))
        {
            throw new InvalidDataException($"Unknown model '{modelId}'; the model library has: {string.Join(", ", ModelLibrary.Default.Models.Select(m => m.Id))}.");
        }
        var optionText = parse.GetValue(option)!;
        PurchaseOptionKind? kind = optionText.Equals("all", StringComparison.OrdinalIgnoreCase) ? null : Commands.PurchaseOption(optionText, "--option", allowAll: true);
        var workload = SeedReportOptions.DefaultWorkload with
        {
            PromptTokens = Commands.ParseTokens(parse.GetValue(prompt)!, "--prompt"),
            OutputTokens = Commands.ParseTokens(parse.GetValue(output)!, "--output"),
            BatchSize = parse.GetValue(batch),
            Utilization = parse.GetValue(utilization) is { } u ? Commands.ParseNumber(u, "--utilization") : SeedReportOptions.DefaultWorkload.Utilization,
        };
        return new Settings(profile!, workload, kind, optionText, parse.GetValue(instance) ?? [], parse.GetValue(chart), Commands.IsJson(parse));
    }

    /// <summary>The ranking on the catalog's date, as the result record.</summary>
    internal static TokenCostResult Run(CloudCatalog catalog, Settings settings, out IReadOnlyList<RankedInferenceOffer> ranking)
    {
        var profile = settings.Model;
        var workload = settings.Workload;
        var kind = settings.Option;
        // The catalog is at its price date (--as-of or CloudCatalog.LatestPriceDate).
        var date = catalog.Date!.Value;
        var wanted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in settings.Instances)
        {
            var found = catalog.FindInstance(name) ?? throw new InvalidDataException($"Unknown instance '{name}': not in the catalog (see 'cloudecon catalog list').");
            wanted.Add(found.Name);
        }
        var offers = catalog.ToInferenceOffers(date, Currency.Usd, out var skipped)
            .Where(o => wanted.Count == 0 || wanted.Contains(o.InstanceType))
            .Where(o => kind is null || catalog.FindOffer(o.Id)?.Option.Kind == kind)
            .ToList();
        if (offers.Count == 0)
        {
            throw new InvalidDataException($"No {(kind is null ? "" : settings.OptionText + " ")}offer in USD is valid on {CloudEconomics.Serialization.IsoDate.Format(date)}{(wanted.Count == 0 ? "" : " for " + string.Join(", ", wanted))}.");
        }
        ranking = OfferRanking.Rank(profile, workload, offers);
        var ranked = ranking.Where(r => r.Rank is not null).ToList();
        var excluded = ranking.Where(r => r.Rank is null).ToList();
        var skippedHere = skipped.Where(s => wanted.Count == 0 || wanted.Any(w => s.OfferId.Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();
        return new TokenCostResult(profile.Id, profile.Name, date,
            new TokenCostWorkload(workload.PromptTokens.Tokens, workload.OutputTokens.Tokens, workload.BatchSize, workload.Utilization),
            ranked.Select(r => new TokenCostRow(
                r.Rank!.Value, r.Offer.Id, r.Offer.InstanceType, r.Offer.ProviderName ?? r.Offer.Provider.Value, r.Offer.PurchaseOption.ToString(), r.Offer.Region, r.Offer.Price,
                r.Estimate!.Deployment.AcceleratorCount, r.Offer.Accelerator.Name, r.Estimate.Deployment.TensorParallelDegree, r.Estimate.EffectiveBatchSize,
                r.Estimate.Prefill.Bound.ToString(), r.Estimate.Decode.Bound.ToString(), r.Estimate.TotalThroughput.TokensPerSecond,
                Calibration(r.Offer.Accelerator, profile), r.Cost!.Blended, r.Cost.EffectiveInput, r.Cost.Output, r.Provenance)).ToList(),
            excluded.Select(r => new TokenCostExcluded(r.Offer.Id, r.Offer.InstanceType, r.Excluded!)).ToList(),
            skippedHere.Select(s => new TokenCostSkipped(s.OfferId, s.Reason)).ToList());
    }

    private static int Execute(CliContext context, CloudCatalog catalog, Settings settings)
    {
        var result = Run(catalog, settings, out var ranking);
        var profile = settings.Model;
        var workload = settings.Workload;
        var date = result.Date;
        var ranked = ranking.Where(r => r.Rank is not null).ToList();
        if (settings.Chart is { } chartFile)
        {
            var bars = ranked.Select(r => new BarItem($"{r.Offer.InstanceType} {r.Offer.PurchaseOption}", (double)r.Cost!.Blended.PerMillionTokens.Amount)).ToList();
            File.WriteAllText(chartFile.FullName, SvgCharts.BarChart(bars, new ChartOptions($"{profile.Name}: blended USD per million tokens ({CloudEconomics.Serialization.IsoDate.Format(date)})", "Offer", "USD per million tokens")));
        }
        if (settings.Json)
        {
            context.WriteJson(result);
            return ExitCodes.Success;
        }
        var excluded = ranking.Where(r => r.Rank is null).ToList();
        var table = new Table().Title(string.Create(CultureInfo.InvariantCulture,
                $"{profile.Name}: {workload.PromptTokens.Tokens:0} prompt + {workload.OutputTokens.Tokens:0} output tokens, batch {workload.BatchSize}, utilisation {workload.Utilization:0.##}; prices valid {CloudEconomics.Serialization.IsoDate.Format(date)}"))
            .AddColumn(new TableColumn("#").RightAligned()).AddColumn("Instance").AddColumn(new TableColumn("Offer").NoWrap()).AddColumn(new TableColumn("USD/h").RightAligned())
            .AddColumn(new TableColumn("Chips/TP").NoWrap()).AddColumn(new TableColumn("Bound").NoWrap())
            .AddColumn(new TableColumn("USD/1M tok").RightAligned()).AddColumn(new TableColumn("Price source").NoWrap());
        foreach (var r in ranked)
        {
            var e = r.Estimate!;
            table.AddRow(
                r.Rank!.Value.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Offer.InstanceType),
                Markup.Escape($"{r.Offer.PurchaseOption} {r.Offer.Region}"),
                r.Offer.Price.PerHour.Amount.ToString("#,0.####", CultureInfo.InvariantCulture),
                $"{e.Deployment.AcceleratorCount}/{e.Deployment.TensorParallelDegree}",
                $"{ShortBound(e.Prefill.Bound)}/{ShortBound(e.Decode.Bound)}",
                r.Cost!.Blended.PerMillionTokens.Amount.ToString("#,0.0000", CultureInfo.InvariantCulture),
                Markup.Escape(catalog.FindOffer(r.Offer.Id) is { } po ? PriceSourceColumn(po.HourlyPrice.Provenance) : r.Offer.PriceSource ?? ""));
        }
        context.Console.Write(table);
        foreach (var r in excluded)
        {
            context.Out.WriteLine($"cannot serve: {r.Offer.InstanceType} ({r.Offer.PurchaseOption} {r.Offer.Region}): {r.Excluded}");
        }
        foreach (var s in result.Skipped)
        {
            context.Out.WriteLine($"skipped: {s.Offer}: {s.Reason}");
        }
        context.Out.WriteLine("Bound: what limits prefill/decode (C compute, M memory bandwidth, I interconnect). Chips/TP: chips used / tensor-parallel degree. Batch per offer (lower where the KV cache does not fit): --format json.");
        context.Out.WriteLine("Throughput: roofline estimate from data-sheet peaks with efficiency factors calibrated per accelerator family to published measurements (seeds/calibration, see 'cloudecon calibrate'); not a benchmark. Per offer: measured or extrapolated, and the range implied by the fit's error: --format json.");
        return ExitCodes.Success;
    }

    /// <summary>What backs an offer's efficiency factors and the blended-price range the fit's error implies (price x estimate/measured P10..P90).</summary>
    internal static TokenCostCalibration Calibration(AcceleratorSpec accelerator, ModelProfile model)
    {
        var c = CalibratedEfficiency.Describe(accelerator, model);
        return new TokenCostCalibration(c.Family, c.ModelClass.ToString(), c.Basis.ToString(), c.BackedByMeasurements, c.Factors.Mfu, c.Factors.Mbu, c.Error?.RatioP10, c.Error?.RatioP90);
    }

    private static string ShortBound(LimitingBound bound) => bound switch
    {
        LimitingBound.Compute => "C",
        LimitingBound.MemoryBandwidth => "M",
        LimitingBound.Interconnect => "I",
        _ => "measured",
    };

    /// <summary>"vendor 2026-07-20": the confidence tier and the as-of text when it is at most ten characters.</summary>
    private static string PriceSourceColumn(Provenance provenance)
    {
        var text = Commands.ShortProvenance(provenance);
        int space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 || text.Length - space - 1 <= 10 ? text : text[..space];
    }

    private SimpleSettings ParseSimple(ParseResult parse, string priceText)
    {
        var tpsText = parse.GetValue(tokensPerSecond) ?? throw new UsageException("--price needs --tokens-per-second (throughput at full load).");
        var utilizationText = parse.GetValue(utilization);
        return new SimpleSettings(Commands.ParseDecimal(priceText, "--price"), Commands.ParseNumber(tpsText, "--tokens-per-second"),
            utilizationText is null ? 1d : Commands.ParseNumber(utilizationText, "--utilization"), Commands.IsJson(parse));
    }

    internal static SimpleTokenCostResult RunSimple(SimpleSettings settings)
    {
        var hourly = new PricePerHour(Money.Usd(settings.PricePerHour));
        var cost = TokenCost.FromHourlyPrice(hourly, TokenRate.FromTokensPerSecond(settings.TokensPerSecond), settings.Utilization);
        return new SimpleTokenCostResult(hourly, settings.TokensPerSecond, settings.Utilization, cost);
    }

    private static int ExecuteSimple(CliContext context, SimpleSettings settings)
    {
        var result = RunSimple(settings);
        if (settings.Json)
        {
            context.WriteJson(result);
            return ExitCodes.Success;
        }
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{settings.PricePerHour:#,0.####} USD/h / ({result.TokensPerSecond:#,0.##} tokens/s x 3,600 s x {result.Utilization:0.####}) x 1,000,000 = {result.PricePerMillionTokens.PerMillionTokens.Amount:#,0.0000} USD per million tokens"));
        return ExitCodes.Success;
    }
}

/// <summary>The JSON contract of <c>token-cost --model ... --format json</c>. Prices are <c>{"amount", "currency", "per"}</c> with <c>"per": "h"</c> or <c>"1M tokens"</c>.</summary>
/// <param name="Model">The model preset id.</param>
/// <param name="ModelName">Its display name.</param>
/// <param name="Date">The ISO date the prices are valid on.</param>
/// <param name="Workload">The workload costed.</param>
/// <param name="Ranked">The offers that can serve the model, cheapest blended price first.</param>
/// <param name="Excluded">Offers that cannot serve it (model does not fit, ...), with the reason.</param>
/// <param name="Skipped">Catalog offers not turned into inference offers (no price or spec), with the reason.</param>
internal sealed record TokenCostResult(string Model, string ModelName, LocalDate Date, TokenCostWorkload Workload, IReadOnlyList<TokenCostRow> Ranked,
    IReadOnlyList<TokenCostExcluded> Excluded, IReadOnlyList<TokenCostSkipped> Skipped);

/// <summary>The workload of <see cref="TokenCostResult"/>.</summary>
/// <param name="PromptTokens">Prompt tokens per request.</param>
/// <param name="OutputTokens">Output tokens per request.</param>
/// <param name="BatchSize">Concurrent sequences per replica asked for (an offer may run fewer: <see cref="TokenCostRow.Batch"/>).</param>
/// <param name="Utilization">Share of paid hours busy, 0 to 1.</param>
internal sealed record TokenCostWorkload(double PromptTokens, double OutputTokens, int BatchSize, double Utilization);

/// <summary>One ranked offer of <see cref="TokenCostResult"/>.</summary>
/// <param name="Rank">1 for the cheapest blended price.</param>
/// <param name="Offer">The inference offer id.</param>
/// <param name="Instance">The instance type's name.</param>
/// <param name="Provider">The provider id.</param>
/// <param name="Option">The purchase option, in words (<c>on-demand</c>, <c>savings plan 3y</c>, ...).</param>
/// <param name="Region">The region id; null when the offer has none.</param>
/// <param name="PricePerHour">The offer's price per hour (PricePerHour).</param>
/// <param name="Accelerators">Chips used by the cheapest layout.</param>
/// <param name="Accelerator">The accelerator's name.</param>
/// <param name="TensorParallel">The tensor-parallel degree.</param>
/// <param name="Batch">Concurrent sequences per replica actually run (lower when the KV cache does not fit).</param>
/// <param name="PrefillBound">What limits prefill: <c>Compute</c>, <c>MemoryBandwidth</c>, <c>Interconnect</c> or <c>Measured</c>.</param>
/// <param name="DecodeBound">What limits decode (same values).</param>
/// <param name="TokensPerSecond">Total throughput, tokens per second.</param>
/// <param name="Calibration">What backs the efficiency factors.</param>
/// <param name="Blended">Blended price per million tokens (PricePerMillionTokens).</param>
/// <param name="Input">Price per million input tokens, after prefix caching (PricePerMillionTokens).</param>
/// <param name="Output">Price per million output tokens (PricePerMillionTokens).</param>
/// <param name="Provenance">Where the price and the specs come from, in words.</param>
internal sealed record TokenCostRow(int Rank, string Offer, string Instance, string Provider, string Option, string? Region, PricePerHour PricePerHour,
    int Accelerators, string Accelerator, int TensorParallel, int Batch, string PrefillBound, string DecodeBound, double TokensPerSecond,
    TokenCostCalibration Calibration, PricePerMillionTokens Blended, PricePerMillionTokens Input, PricePerMillionTokens Output, string Provenance);

/// <summary>What backs an offer's efficiency factors, and the blended-price range the fit's error implies (price x estimate/measured P10..P90).</summary>
/// <param name="Family">The accelerator family fitted.</param>
/// <param name="ModelClass"><c>Dense</c>, <c>MixtureOfExperts</c> or <c>Any</c>.</param>
/// <param name="Basis">Measured on the chip itself, or extrapolated from its family or the global fit.</param>
/// <param name="BackedByMeasurements">Whether measurements of this chip back the factors.</param>
/// <param name="Mfu">Model FLOPs utilisation, 0 to 1.</param>
/// <param name="Mbu">Memory bandwidth utilisation, 0 to 1.</param>
/// <param name="EstimateOverMeasuredP10">P10 of estimate / measured over the fit's rows; null without an error estimate.</param>
/// <param name="EstimateOverMeasuredP90">P90 of estimate / measured; null without an error estimate.</param>
internal sealed record TokenCostCalibration(string Family, string ModelClass, string Basis, bool BackedByMeasurements, double Mfu, double Mbu,
    double? EstimateOverMeasuredP10, double? EstimateOverMeasuredP90);

/// <summary>An offer that cannot serve the model.</summary>
/// <param name="Offer">The inference offer id.</param>
/// <param name="Instance">The instance type's name.</param>
/// <param name="Reason">Why, in words.</param>
internal sealed record TokenCostExcluded(string Offer, string Instance, string Reason);

/// <summary>A catalog offer not turned into an inference offer.</summary>
/// <param name="Offer">The catalog offer id.</param>
/// <param name="Reason">Why (no price, no spec, ...).</param>
internal sealed record TokenCostSkipped(string Offer, string Reason);

/// <summary>The JSON contract of <c>token-cost --price P --tokens-per-second N --format json</c>: price / (tokens per second x 3,600 x utilisation) x 1,000,000.</summary>
/// <param name="PricePerHour">The hourly price (PricePerHour, USD).</param>
/// <param name="TokensPerSecond">Throughput at full load, tokens per second.</param>
/// <param name="Utilization">Share of paid hours busy, 0 to 1.</param>
/// <param name="PricePerMillionTokens">The result (PricePerMillionTokens, USD).</param>
internal sealed record SimpleTokenCostResult(PricePerHour PricePerHour, double TokensPerSecond, double Utilization, PricePerMillionTokens PricePerMillionTokens);
