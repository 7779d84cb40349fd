using System.Text.Json;
using System.Text.Json.Serialization;

namespace LoyaltyBot.Bench;

/// <summary>JSON settings: camelCase web defaults for the API, indented for the report file.</summary>
internal static class BenchJson
{
    public static readonly JsonSerializerOptions Api = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static readonly JsonSerializerOptions Report = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Api);
}
