using System.Text.Json;
using System.Text.Json.Serialization;

namespace LoyaltyBot.Core.Storage;

/// <summary>
/// Writes times in JSON at the store's precision, whole milliseconds (LiteDB keeps no more), so the first answer about a
/// change, its replay, a later read and a webhook all spell the same moment the same way. Reads as System.Text.Json does.
/// </summary>
public sealed class StorePrecisionTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Truncate(value));

    /// <summary>The moment without its sub-millisecond ticks, as the store will give it back.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value) => value.AddTicks(-(value.Ticks % TimeSpan.TicksPerMillisecond));
}
