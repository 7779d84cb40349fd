using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LoyaltyBot.Bench;

/// <summary>The few API calls the crash test makes, answering status + JSON body; one instance per API process.</summary>
internal sealed class CrashApi : IDisposable
{
    private readonly HttpClient _http;

    public CrashApi(string baseUrl, string apiKey)
    {
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseCookies = false })
        {
            BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"),
            Timeout = TimeSpan.FromSeconds(60),
        };
        _http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object body, CancellationToken ct) =>
        SendAsync(() => _http.PostAsJsonAsync(path, body, BenchJson.Api, ct), ct);

    public Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path, CancellationToken ct) =>
        SendAsync(() => _http.GetAsync(path, ct), ct);

    /// <summary>Every item of a paged list endpoint (<c>items</c>, <c>total</c>).</summary>
    public async Task<List<JsonElement>> GetAllAsync(string path, CancellationToken ct)
    {
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var separator = path.Contains('?') ? '&' : '?';
            var (status, body) = await GetAsync($"{path}{separator}page={page}&pageSize=200", ct);
            if (status != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {path} answered {(int)status}: {body}");
            }

            var pageItems = body.GetProperty("items").EnumerateArray().ToList();
            items.AddRange(pageItems);
            if (pageItems.Count == 0 || items.Count >= body.GetProperty("total").GetInt32())
            {
                return items;
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private static async Task<(HttpStatusCode, JsonElement)> SendAsync(Func<Task<HttpResponseMessage>> send, CancellationToken ct)
    {
        using var response = await send();
        var text = await response.Content.ReadAsStringAsync(ct);
        var body = text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
        return (response.StatusCode, body);
    }
}
