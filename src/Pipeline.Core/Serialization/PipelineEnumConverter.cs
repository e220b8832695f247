using System.Text.Json.Serialization;

namespace Pipeline.Core.Serialization;

/// <summary>
/// Writes an enum as <see cref="PipelineJson.EnumNamingPolicy"/> spells it, for enums that travel in JSON: the type
/// keeps that spelling even in serializer options other than <see cref="PipelineJson.Options"/> (the Azure SDK's, a
/// test's). Reading ignores case.
/// </summary>
public sealed class PipelineEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(PipelineJson.EnumNamingPolicy)
    where TEnum : struct, Enum;
