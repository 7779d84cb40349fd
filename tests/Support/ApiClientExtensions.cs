using System.Net.Http.Json;
using System.Text.Json;

namespace LoyaltyBot.Tests.Support;

public static class ApiClientExtensions
{
    public static Task<HttpResponseMessage> CreateMember(this HttpClient client, string externalId, string name = "Dealer", string? region = null, string? language = null) =>
        client.PostAsJsonAsync("/api/v1/members", new { externalId, name, region, language });

    public static Task<HttpResponseMessage> PostSale(this HttpClient client, string id, string member, long units, DateTimeOffset? occurredAt = null, string sku = "SKU-1") =>
        client.PostAsJsonAsync("/api/v1/sales", new { id, memberExternalId = member, sku, units, occurredAt = occurredAt ?? DateTimeOffset.UtcNow });

    public static async Task<JsonElement> Json(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<JsonElement> GetJson(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await response.Json();
    }

    public static Task<HttpResponseMessage> PostRaw(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
}
