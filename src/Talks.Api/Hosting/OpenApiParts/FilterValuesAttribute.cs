using Talks.Api.Hosting.Json;

namespace Talks.Api.Hosting.OpenApiParts;

/// <summary>Marks a string filter whose values are an enum's kebab-case names, so the OpenAPI document lists them.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class FilterValuesAttribute<TEnum> : Attribute, IFilterValues where TEnum : struct, Enum
{
    public IEnumerable<string> Values => EnumText<TEnum>.Names;
}

public interface IFilterValues
{
    IEnumerable<string> Values { get; }
}
