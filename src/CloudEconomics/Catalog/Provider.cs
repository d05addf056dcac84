namespace CloudEconomics.Catalog;

/// <summary>A cloud region of a provider.</summary>
public sealed record Region
{
    /// <summary>The provider's region code, such as <c>"us-east-1"</c>; <c>"unspecified"</c> when the source does not state one.</summary>
    public required string Id { get; init; }

    /// <summary>Display name, such as <c>"US East (N. Virginia)"</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The id.</summary>
    /// <returns>The id.</returns>
    public override string ToString() => Id;
}

/// <summary>
/// A cloud provider: AWS, Microsoft Azure, Google Cloud or any other, with its regions and, where a source gives one,
/// its competitive positioning.
/// </summary>
public sealed record Provider
{
    /// <summary>Id of Amazon Web Services in the default catalog.</summary>
    public const string AwsId = "aws";

    /// <summary>Id of Microsoft Azure in the default catalog.</summary>
    public const string AzureId = "azure";

    /// <summary>Id of Google Cloud in the default catalog.</summary>
    public const string GoogleCloudId = "gcp";

    /// <summary>Catalog id, such as <c>"aws"</c>. Any lower-case id is allowed, so other providers fit.</summary>
    public required string Id { get; init; }

    /// <summary>Display name, such as <c>"Amazon Web Services"</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Regions the catalog's offers use.</summary>
    public IReadOnlyList<Region> Regions { get; init; } = [];

    /// <summary>How a source positions the provider's custom silicon (the seed article's competitor table); null if none.</summary>
    public CompetitivePositioning? Positioning { get; init; }

    /// <summary>The name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}

/// <summary>
/// One column of a competitor table: what a source says a provider's accelerator families focus on, how they are
/// built and priced, and where they lead. Each cell is a <see cref="TextFigure"/> carrying the source.
/// </summary>
public sealed record CompetitivePositioning
{
    /// <summary>The column heading as the source gives it, such as <c>"AWS (Trainium/Inferentia)"</c>.</summary>
    public required string Label { get; init; }

    /// <summary>The accelerator (or CPU) families the column covers, such as <c>["Trainium", "Inferentia"]</c>.</summary>
    public IReadOnlyList<string> Families { get; init; } = [];

    /// <summary>The chip architecture as a typed kind.</summary>
    public required AcceleratorKind ArchitectureKind { get; init; }

    /// <summary>"Primary Focus" row.</summary>
    public required TextFigure PrimaryFocus { get; init; }

    /// <summary>"Chip Architecture" row, verbatim.</summary>
    public required TextFigure ChipArchitecture { get; init; }

    /// <summary>"Pricing Model" row.</summary>
    public required TextFigure PricingModel { get; init; }

    /// <summary>"Benchmark Lead" row.</summary>
    public required TextFigure BenchmarkLead { get; init; }

    /// <summary>The label.</summary>
    /// <returns>The label.</returns>
    public override string ToString() => Label;
}
