using System.Text.Json;
using System.Text.Json.Serialization;
using LoyaltyBot.Core.Sales;

namespace LoyaltyBot.Api.Sales;

/// <summary>
/// Reads one batch item as a <see cref="SaleRequest"/> straight from the request's reader; only an item that fails is
/// read a second time, to name its field and id. The serializer hands a custom converter the whole value, so the
/// reader can be rewound to the item's start.
/// </summary>
public sealed class SaleBatchEntryConverter : JsonConverter<SaleBatchEntry>
{
    public override SaleBatchEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var start = reader;
        string? field = null;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            try
            {
                return new SaleBatchEntry(JsonSerializer.Deserialize<SaleRequest>(ref reader, options));
            }
            catch (JsonException json)
            {
                field = json.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : null;
            }
        }

        reader = start;
        using var item = JsonDocument.ParseValue(ref reader);
        var id = item.RootElement.ValueKind == JsonValueKind.Object && item.RootElement.TryGetProperty("id", out var value)
            && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return new SaleBatchEntry(null, id, field);
    }

    public override void Write(Utf8JsonWriter writer, SaleBatchEntry value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Sale, options);
}
