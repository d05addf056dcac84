using System.Globalization;
using CloudEconomics.Capital;
using CloudEconomics.Serialization;
using Spectre.Console;
using CloudEconomics.Analysis;
using CloudEconomics.Data;
using CloudEconomics.Reports;

namespace CloudEconomics.Cli;

/// <summary>Renders a <see cref="SeedReport"/> as text tables: formatting only, every number comes from the report.</summary>
internal static class ReportRenderer
{
    internal static void Render(SeedReport report, CliContext context)
    {
        var capital = report.Capital;
        var console = context.Console;
        console.Write(new Rule($"[bold]{Markup.Escape(report.Title)}[/]").LeftJustified());
        context.Out.WriteLine($"Scenario {report.ScenarioId}: {capital.Company} / {capital.SegmentName}, quarter {capital.Quarter}, data as of {IsoDate.Format(capital.AsOf)}; prices as of {IsoDate.Format(report.PriceAsOf)}.");
        context.Out.WriteLine();

        Figures(console, $"1. {capital.SegmentName} growth and margin", [
            capital.Segment.Revenue, capital.Segment.RevenueGrowthReported, capital.Segment.RevenueGrowthCalculated,
            capital.Segment.OperatingIncome, capital.Segment.OperatingMargin, capital.Segment.OperatingMarginYearAgo,
            capital.Segment.ConsolidatedOperatingIncome]);

        var cash = capital.Cash;
        Figures(console, "2. AI capex vs operating cash flow: free cash flow, trailing twelve months", [
            cash.OperatingCashFlowTtm, cash.NetCapexTtm, cash.GrossCapexTtm, cash.FreeCashFlowTtm, cash.FreeCashFlowTtmReported,
            cash.FreeCashFlowTtmYearAgo, cash.CapexToOperatingCashFlow]);
        context.Out.WriteLine(cash.IsFreeCashFlowWiped switch
        {
            true => "   Free cash flow is wiped: capex absorbs nearly all operating cash flow.",
            false => "   Free cash flow is not wiped at the report's threshold.",
            null => "   Whether free cash flow is wiped is unknown (a figure is missing).",
        });
        context.Out.WriteLine();

        Figures(console, "3. Capex intensity", [capital.Intensity.CapexIntensityTtm, capital.Intensity.CapexToSegmentRevenueTtm, capital.Intensity.CapexGuidanceNextYear]);

        var backlog = capital.Backlog;
        Figures(console, "4. Backlog (remaining performance obligations)", [
            backlog.Reported, .. backlog.Additions, backlog.WithAdditions, backlog.CoverageYears, backlog.CoverageYearsWithAdditions,
            backlog.WeightedAverageRemainingLife, backlog.BookToBill, backlog.GrowthQuarterOverQuarter, backlog.GrowthYearOverYear]);

        var claims = new Table().Title("5. The article's figures, checked").AddColumn("Claim").AddColumn("Verdict").AddColumn("What the data say");
        foreach (var claim in capital.ArticleClaims)
        {
            claims.AddRow(Cells(claim.Text, claim.Verdict.ToString(), claim.Explanation));
        }
        console.Write(claims);
        context.Out.WriteLine();

        RenderTokenCost(report.TokenCost, context);
        RenderReserve(report.Reserve, context);

        var depreciation = new Table().Title("8. Depreciation policies in force").AddColumn("Asset class").AddColumn("Useful life").AddColumn("Changes");
        foreach (var d in capital.Depreciation)
        {
            depreciation.AddRow(Cells(d.AssetClass, d.UsefulLifeAtQuarterEnd.FormatValue(0), string.Join("; ", d.Changes)));
        }
        console.Write(depreciation);
        context.Out.WriteLine();

        if (capital.Unknowns.Count > 0)
        {
            context.Out.WriteLine("Unknown in the data (shown as unknown, never as zero):");
            foreach (var unknown in capital.Unknowns)
            {
                context.Out.WriteLine("  - " + unknown);
            }
            context.Out.WriteLine();
        }
        context.Out.WriteLine("Every figure's source and formula: cloudecon report --format json.");
    }

    private static void Figures(IAnsiConsole console, string title, IEnumerable<CapitalFigure> figures)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned()).AddColumn("How");
        foreach (var f in figures)
        {
            var how = f.Formula ?? (f.Sources.Count > 0 ? "reported" + (f.Sources[0].AsOf is { } d ? $" ({IsoDate.Format(d)})" : "") : "");
            if (!f.IsKnown && f.Note is not null)
            {
                how = f.Note;
            }
            table.AddRow(Cells(f.Label, f.FormatValue(f.Unit == FigureUnit.Ratio ? 2 : 1), Shorten(how, 70)));
        }
        console.Write(table);
        console.WriteLine();
    }

    private static void RenderTokenCost(TokenCostSection section, CliContext context)
    {
        var console = context.Console;
        if (section.NotComputed is not null)
        {
            context.Out.WriteLine($"6. Custom silicon vs GPU: not computed: {section.NotComputed}");
            context.Out.WriteLine();
            return;
        }
        var table = new Table().Title($"6. Custom silicon vs GPU: {section.ModelId}, {section.Basis}")
            .AddColumn("Side").AddColumn("Instance").AddColumn("Accelerators").AddColumn(new TableColumn("USD/h").RightAligned())
            .AddColumn(new TableColumn("USD / 1M tokens (blended)").RightAligned()).AddColumn("Decode bound");
        foreach (var (side, line) in new[] { ("custom silicon", section.CustomSilicon!), ("GPU", section.Gpu!) })
        {
            table.AddRow(Cells(side, line.Instance, line.Accelerators,
                line.PricePerHour.PerHour.Amount.ToString("#,0.####", CultureInfo.InvariantCulture),
                line.Blended.PerMillionTokens.Amount.ToString("0.0000", CultureInfo.InvariantCulture), line.DecodeBound));
        }
        console.Write(table);
        var ratio = section.Ratio!.Value;
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   Ratio custom silicon / GPU: {ratio:0.000} ({(ratio < 1 ? $"{1 - ratio:0.0%} cheaper" : $"{ratio - 1:0.0%} dearer")}){(section.RatioLow is { } lo && section.RatioHigh is { } hi ? $", range {lo:0.000}-{hi:0.000} from the calibration's error" : "")}; the article claims about 40% cheaper (ratio {section.ArticleClaimRatio:0.0})."));
        if (section.CustomSiliconBasis is { } cb && section.GpuBasis is { } gb)
        {
            context.Out.WriteLine("   Custom silicon throughput: " + cb + ".");
            context.Out.WriteLine("   GPU throughput: " + gb + ".");
        }
        if (section.ClaimCheck is { } check)
        {
            context.Out.WriteLine("   On the calibrated basis, " + check + ".");
        }
        foreach (var s in section.Sensitivity)
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"   {s.Factor} x{s.LowMultiplier:0.##}: ratio {Ratio(s.RatioAtLow)}; x{s.HighMultiplier:0.##}: ratio {Ratio(s.RatioAtHigh)}"));
        }
        context.Out.WriteLine("   Assumptions:");
        foreach (var a in section.Assumptions)
        {
            context.Out.WriteLine("   - " + Shorten(a, 200));
        }
        context.Out.WriteLine();
    }

    private static void RenderReserve(IReadOnlyList<CommitmentCheck> checks, CliContext context)
    {
        var table = new Table().Title("7. Reserve Trainium capacity now? Commitment breakeven against on demand")
            .AddColumn("Instance").AddColumn(new TableColumn("On demand USD/h").RightAligned()).AddColumn("Commitment")
            .AddColumn(new TableColumn("USD/h").RightAligned()).AddColumn(new TableColumn("Breakeven").RightAligned()).AddColumn("Answer");
        foreach (var c in checks)
        {
            table.AddRow(Cells(
                c.Instance,
                c.OnDemand is { } od ? od.PerHour.Amount.ToString("#,0.####", CultureInfo.InvariantCulture) + (c.OnDemandSource is null ? "" : $"\n({c.OnDemandSource})") : "none",
                c.CommitmentKind is null ? "none" : $"{c.CommitmentKind} {c.CommitmentRegion}\n({c.CommitmentSource})",
                c.Commitment is { } cm ? cm.PerHour.Amount.ToString("#,0.####", CultureInfo.InvariantCulture) : "",
                c.BreakevenUtilization is { } b ? b.ToString("0.0%", CultureInfo.InvariantCulture) : "n/a",
                c.Verdict));
        }
        context.Console.Write(table);
        context.Out.WriteLine("   Trainium3/Trainium4 (the article's advice) have no published price in the data: no answer for them.");
        context.Out.WriteLine();
    }

    /// <summary>Table cells as plain text (no markup parsing: the report's cells carry no styles).</summary>
    private static Text[] Cells(params string[] texts) => Array.ConvertAll(texts, t => new Text(t));

    private static string Ratio(decimal? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 3)] + "...";
}
