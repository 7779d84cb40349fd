using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace LoyaltyBot.Bench;

/// <summary>Thin client over one shared <see cref="HttpClient"/> for the LoyaltyBot HTTP API.</summary>
internal sealed class LoyaltyApiClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private readonly HttpClient _http;

    public LoyaltyApiClient(string baseUrl, string apiKey, int maxConnections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        };
        _http = new HttpClient(handler)
        {
            BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"),
            Timeout = TimeSpan.FromMinutes(5),
        };
        _http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
    }

    /// <summary>POST /api/v1/members; returns the status code (201 created, 409 exists).</summary>
    public async Task<(HttpStatusCode Status, string? Error)> CreateMemberAsync(MemberRequest member, CancellationToken ct)
    {
        using var response = await _http.PostAsJsonAsync("api/v1/members", member, BenchJson.Api, ct);
        return (response.StatusCode, await ErrorTextAsync(response, ct));
    }

    /// <summary>POST /api/v1/sales with a pre-serialized body; returns status and latency.</summary>
    public async Task<(HttpStatusCode Status, double LatencyMs, string? Error)> PostSaleAsync(byte[] payload, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await _http.PostAsync("api/v1/sales", JsonBody(payload), ct);
        await response.Content.LoadIntoBufferAsync(ct);
        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return (response.StatusCode, latency, await ErrorTextAsync(response, ct));
    }

    /// <summary>POST /api/v1/sales/batch with a pre-serialized body; returns status, parsed body (on 200) and latency.</summary>
    public async Task<(HttpStatusCode Status, BatchResponse? Body, double LatencyMs, string? Error)> PostBatchAsync(byte[] payload, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await _http.PostAsync("api/v1/sales/batch", JsonBody(payload), ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, null, latency, Truncate(System.Text.Encoding.UTF8.GetString(bytes)));
        }

        try
        {
            return (response.StatusCode, JsonSerializer.Deserialize<BatchResponse>(bytes, BenchJson.Api), latency, null);
        }
        catch (JsonException e)
        {
            return (response.StatusCode, null, latency, "unparsable batch response: " + e.Message);
        }
    }

    /// <summary>GET /api/v1/members/{externalId}; returns status and the JSON body on 200.</summary>
    public async Task<(HttpStatusCode Status, JsonElement? Body, string? Error)> GetMemberAsync(string externalId, CancellationToken ct)
    {
        using var response = await _http.GetAsync("api/v1/members/" + Uri.EscapeDataString(externalId), ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, null, await ErrorTextAsync(response, ct));
        }

        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(BenchJson.Api, ct);
            return (response.StatusCode, body, null);
        }
        catch (JsonException e)
        {
            return (response.StatusCode, null, "unparsable member response: " + e.Message);
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>True for a failed request (network error or HttpClient timeout) that should count as an error rather than abort the run.</summary>
    public static bool IsRequestFailure(Exception e, CancellationToken ct) =>
        e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested);

    private static ByteArrayContent JsonBody(byte[] payload)
    {
        var content = new ByteArrayContent(payload);
        content.Headers.ContentType = JsonContentType;
        return content;
    }

    private static async Task<string?> ErrorTextAsync(HttpResponseMessage response, CancellationToken ct)
    {
        return response.IsSuccessStatusCode ? null : Truncate(await response.Content.ReadAsStringAsync(ct));
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
