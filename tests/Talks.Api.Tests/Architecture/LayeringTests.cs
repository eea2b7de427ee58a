using ArchUnitNET.Domain;
using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Talks.Api.Tests.Architecture;

/// <summary>
/// Shared code (<c>Hosting.*</c>, <c>Records</c>, <c>Reading</c>) is the lower layer: a feature that must hook into
/// every write or read registers itself with it, so dependencies point from the features down and no two folders
/// need each other.
/// </summary>
public class LayeringTests
{
    private const string Shared = @"^Talks\.Api\.(Hosting(\..+)?|Records|Reading)$";
    private const string Features = @"^Talks\.Api\.(?!Hosting$|Hosting\.|Records$|Reading$)\w+(\..+)?$";

    private static readonly ArchUnitNET.Domain.Architecture Api = new ArchLoader().LoadAssemblies(typeof(Program).Assembly).Build();

    [Fact]
    public void SharedCodeUsesNoFeature() =>
        Types().That().ResideInNamespaceMatching(Shared)
            .Should().NotDependOnAnyTypesThat().ResideInNamespaceMatching(Features)
            .Check(Api);

    [Fact]
    public void NoTwoFoldersNeedEachOther() =>
        SliceRuleDefinition.Slices().Matching("Talks.Api.(**)").Should().BeFreeOfCycles().Check(Api);
}
