using System.CommandLine;
using System.Globalization;
using CloudEconomics.Catalog;
using CloudEconomics.Charts;
using CloudEconomics.Inference;
using Spectre.Console;

namespace CloudEconomics.Cli;

/// <summary><c>token-cost</c>: catalog offers ranked by blended price per million tokens, or the simple sum.</summary>
internal static partial class Commands
{
    private static Command TokenCostCommand(CliContext context)
    {
        var model = new Option<string?>("--model") { Description = "Model preset id from the model library (seeds/models), e.g. llama-3.1-70b." };
        var instance = new Option<string[]>("--instance") { Description = "Only this instance type (repeat for several), e.g. p5.48xlarge." };
        var option = new Option<string>("--option")
        {
            Description = "Purchase option: " + string.Join(", ", OptionNames.Keys) + " or all (default on-demand).",
            DefaultValueFactory = _ => "on-demand",
        };
        var prompt = new Option<string>("--prompt") { Description = "Prompt tokens per request (default 2000, the seed report's workload).", DefaultValueFactory = _ => "2000" };
        var output = new Option<string>("--output") { Description = "Output tokens per request (default 500).", DefaultValueFactory = _ => "500" };
        var batch = new Option<int>("--batch") { Description = "Concurrent sequences per replica (default 64; lowered when the KV cache does not fit).", DefaultValueFactory = _ => 64 };
        var utilization = new Option<string>("--utilization") { Description = "Share of paid hours busy, in (0, 1] (default 0.6 for ranking; 1 for --price).", };
        var price = new Option<string?>("--price") { Description = "Simple sum instead of ranking: the hourly price (USD/h) of hardware producing --tokens-per-second." };
        var tokensPerSecond = new Option<string?>("--tokens-per-second") { Description = "With --price: throughput at full load, tokens per second." };
        var chart = new Option<FileInfo?>("--chart") { Description = "Write the ranking as an SVG bar chart (USD per million tokens) to this file." };
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
                return SimpleTokenCost(parse, context, priceText, parse.GetValue(tokensPerSecond), parse.GetValue(utilization));
            }
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
            PurchaseOptionKind? kind = null;
            if (!optionText.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                kind = OptionNames.TryGetValue(optionText, out var k) ? k
                    : throw new UsageException($"--option must be one of {string.Join(", ", OptionNames.Keys)} or all; it was '{optionText}'.");
            }
            var workload = new Workload
            {
                PromptTokens = ParseTokens(parse.GetValue(prompt)!, "--prompt"),
                OutputTokens = ParseTokens(parse.GetValue(output)!, "--output"),
                BatchSize = parse.GetValue(batch),
                Utilization = parse.GetValue(utilization) is { } u ? ParseNumber(u, "--utilization") : 0.6,
            };
            var catalog = LoadCatalog(parse);
            var date = catalog.Date ?? LatestOfferDate(catalog);
            var names = parse.GetValue(instance) ?? [];
            var wanted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in names)
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
                throw new InvalidDataException($"No {(kind is null ? "" : optionText + " ")}offer in USD is valid on {date:uuuu-MM-dd}{(wanted.Count == 0 ? "" : " for " + string.Join(", ", wanted))}.");
            }
            var ranking = OfferRanking.Rank(profile, workload, offers);
            var ranked = ranking.Where(r => r.Rank is not null).ToList();
            var excluded = ranking.Where(r => r.Rank is null).ToList();
            var skippedHere = skipped.Where(s => wanted.Count == 0 || wanted.Any(w => s.OfferId.Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();
            if (parse.GetValue(chart) is { } chartFile)
            {
                var bars = ranked.Select(r => new BarItem($"{r.Offer.InstanceType} {r.Offer.PurchaseOption}", (double)r.Cost!.Blended.PerMillionTokens.Amount)).ToList();
                File.WriteAllText(chartFile.FullName, SvgCharts.BarChart(bars, new ChartOptions($"{profile.Name}: blended USD per million tokens ({date:uuuu-MM-dd})", "Offer", "USD per million tokens")));
            }
            if (parse.GetValue(Format) == OutputFormat.Json)
            {
                context.WriteJson(new
                {
                    model = profile.Id,
                    modelName = profile.Name,
                    date,
                    workload = new { promptTokens = workload.PromptTokens.Tokens, outputTokens = workload.OutputTokens.Tokens, batchSize = workload.BatchSize, utilization = workload.Utilization },
                    ranked = ranked.Select(r => new
                    {
                        rank = r.Rank,
                        offer = r.Offer.Id,
                        instance = r.Offer.InstanceType,
                        provider = r.Offer.ProviderName ?? r.Offer.Provider.Value,
                        option = r.Offer.PurchaseOption.ToString(),
                        region = r.Offer.Region,
                        pricePerHour = r.Offer.Price,
                        accelerators = r.Estimate!.Deployment.AcceleratorCount,
                        accelerator = r.Offer.Accelerator.Name,
                        tensorParallel = r.Estimate.Deployment.TensorParallelDegree,
                        batch = r.Estimate.EffectiveBatchSize,
                        prefillBound = r.Estimate.Prefill.Bound.ToString(),
                        decodeBound = r.Estimate.Decode.Bound.ToString(),
                        tokensPerSecond = r.Estimate.TotalThroughput.TokensPerSecond,
                        calibration = CalibrationJson(r.Offer.Accelerator, profile),
                        blended = r.Cost!.Blended,
                        input = r.Cost.EffectiveInput,
                        output = r.Cost.Output,
                        provenance = r.Provenance,
                    }),
                    excluded = excluded.Select(r => new { offer = r.Offer.Id, instance = r.Offer.InstanceType, reason = r.Excluded }),
                    skipped = skippedHere.Select(s => new { offer = s.OfferId, reason = s.Reason }),
                });
                return ExitCodes.Success;
            }
            var table = new Table().Title(string.Create(CultureInfo.InvariantCulture,
                    $"{profile.Name}: {workload.PromptTokens.Tokens:0} prompt + {workload.OutputTokens.Tokens:0} output tokens, batch {workload.BatchSize}, utilisation {workload.Utilization:0.##}; prices valid {date:uuuu-MM-dd}"))
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
            foreach (var s in skippedHere)
            {
                context.Out.WriteLine($"skipped: {s.OfferId}: {s.Reason}");
            }
            context.Out.WriteLine("Bound: what limits prefill/decode (C compute, M memory bandwidth, I interconnect). Chips/TP: chips used / tensor-parallel degree. Batch per offer (lower where the KV cache does not fit): --format json.");
            context.Out.WriteLine("Throughput: roofline estimate from data-sheet peaks with efficiency factors calibrated per accelerator family to published measurements (seeds/calibration, see 'cloudecon calibrate'); not a benchmark. Per offer: measured or extrapolated, and the range implied by the fit's error: --format json.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>What backs an offer's efficiency factors and the blended-price range the fit's error implies (price x estimate/measured P10..P90).</summary>
    internal static object CalibrationJson(AcceleratorSpec accelerator, ModelProfile model)
    {
        var c = CalibratedEfficiency.Describe(accelerator, model);
        return new
        {
            family = c.Family,
            modelClass = c.ModelClass.ToString(),
            basis = c.Basis.ToString(),
            backedByMeasurements = c.BackedByMeasurements,
            mfu = c.Factors.Mfu,
            mbu = c.Factors.Mbu,
            estimateOverMeasuredP10 = c.Error?.RatioP10,
            estimateOverMeasuredP90 = c.Error?.RatioP90,
        };
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
        var text = ShortProvenance(provenance);
        int space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 || text.Length - space - 1 <= 10 ? text : text[..space];
    }

    private static int SimpleTokenCost(ParseResult parse, CliContext context, string priceText, string? tpsText, string? utilizationText)
    {
        if (tpsText is null)
        {
            throw new UsageException("--price needs --tokens-per-second (throughput at full load).");
        }
        var hourly = ParseDecimal(priceText, "--price");
        double tps = ParseNumber(tpsText, "--tokens-per-second");
        double u = utilizationText is null ? 1d : ParseNumber(utilizationText, "--utilization");
        var cost = TokenCost.FromHourlyPrice(new PricePerHour(Money.Usd(hourly)), TokenRate.FromTokensPerSecond(tps), u);
        if (parse.GetValue(Format) == OutputFormat.Json)
        {
            context.WriteJson(new { pricePerHour = new PricePerHour(Money.Usd(hourly)), tokensPerSecond = tps, utilization = u, pricePerMillionTokens = cost });
            return ExitCodes.Success;
        }
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{hourly:#,0.####} USD/h / ({tps:#,0.##} tokens/s x 3,600 s x {u:0.####}) x 1,000,000 = {cost.PerMillionTokens.Amount:#,0.0000} USD per million tokens"));
        return ExitCodes.Success;
    }
}
