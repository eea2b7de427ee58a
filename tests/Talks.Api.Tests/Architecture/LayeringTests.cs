using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Talks.Api.Tests.Architecture;

/// <summary>
/// Shared code is layered, lowest first, as docs/architecture.md draws it: a folder uses only folders in the layers
/// beneath its own, and never a feature. A feature that must hook into every write or read registers itself with the
/// shared code, so dependencies point from the features down; among the features, too, no two need each other.
/// </summary>
public class LayeringTests
{
    /// <summary>The shared folders, lowest layer first; folders on one line may not use each other.</summary>
    public static readonly string[][] Layers =
    [
        ["Hosting", "Hosting.Json", "Hosting.Security", "Hosting.Health", "Hosting.Limits"],
        ["Hosting.Validation", "Hosting.Database", "Hosting.OpenApiParts"],
        ["Hosting.Errors"],
        ["Names"],
        ["Records"],
        ["Rules"],
        ["Lists"],
        ["Answers.ETags", "Answers.Fields", "Answers.Embedding"],
        ["Answers.Formats"],
        ["Answers.Shaping"],
        ["Answers.Caching", "Answers.Idempotency"],
        ["Answers"],
        ["ApiDocument"],
    ];

    private static readonly ArchUnitNET.Domain.Architecture Api = new ArchLoader().LoadAssemblies(typeof(Program).Assembly).Build();

    public static TheoryData<string> SharedFolders() => [.. Layers.SelectMany(layer => layer)];

    [Theory]
    [MemberData(nameof(SharedFolders))]
    public void ASharedFolderUsesOnlyTheLayersBeneathIt(string folder)
    {
        var level = Array.FindIndex(Layers, layer => layer.Contains(folder));
        var beneath = Layers.Take(level).SelectMany(layer => layer).Append(folder).Select(Exactly);
        // Anything in the app that is not this folder or beneath it: higher shared folders and every feature.
        var higher = $@"^Talks\.Api\.(?!({string.Join("|", beneath)})$)[\w.]+$";
        Types().That().ResideInNamespaceMatching($@"^Talks\.Api\.{Exactly(folder)}$")
            .Should().NotDependOnAnyTypesThat().ResideInNamespaceMatching(higher)
            .Check(Api);
    }

    [Fact]
    public void EveryFolderOfTheAppIsEitherASharedLayerOrAFeature()
    {
        var shared = Layers.SelectMany(layer => layer).ToHashSet();
        var folders = typeof(Program).Assembly.GetTypes()
            .Select(t => t.Namespace ?? "")
            .Where(ns => ns.StartsWith("Talks.Api.", StringComparison.Ordinal))
            .Select(ns => ns["Talks.Api.".Length..])
            .Distinct();

        // A shared folder's subfolder must be placed in a layer of its own, or it escapes the rule above.
        var unplaced = folders.Where(f => !shared.Contains(f) && shared.Any(s => f.StartsWith(s + ".", StringComparison.Ordinal))).ToList();
        Assert.Empty(unplaced);
    }

    [Fact]
    public void NoTwoFoldersNeedEachOther() =>
        SliceRuleDefinition.Slices().Matching("Talks.Api.(**)").Should().BeFreeOfCycles().Check(Api);

    private static string Exactly(string folder) => folder.Replace(".", @"\.", StringComparison.Ordinal);
}
