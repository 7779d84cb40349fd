using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Tests.Fakes.Telegram;

/// <summary>
/// A loopback fake of the Telegram Bot API (<c>{BaseUrl}/bot{token}/{method}</c>) for tests and benchmarks.
/// Point a real Telegram.Bot client at <see cref="BaseUrl"/>; every request is recorded as a <see cref="RecordedCall"/>.
/// </summary>
/// <remarks>
/// Differences from api.telegram.org worth knowing: any token is accepted; message text is echoed verbatim
/// (Telegram strips HTML/Markdown and returns entities instead); message ids are counted per chat from 1.
/// </remarks>
public sealed class FakeTelegramServer : IAsyncDisposable
{
    /// <summary>The bot's user id, as returned by getMe and in the <c>from</c> of sent messages.</summary>
    public const long BotId = 7_000_000_001;

    /// <summary>getUpdates never holds a request longer than this, whatever <c>timeout</c> the client asks for.</summary>
    public static readonly TimeSpan MaxLongPollWait = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly CallLog _log = new();
    private readonly UpdateQueue _updates = new();
    private readonly FakeFiles _files = new();
    private readonly BotApiDispatcher _dispatcher;
    private readonly CancellationTokenSource _shutdown = new();
    private int _count429;
    private int _disposed;

    private FakeTelegramServer(WebApplication app, string botUsername)
    {
        _app = app;
        BotUsername = botUsername;
        _dispatcher = new BotApiDispatcher(botUsername, _updates, _files);
    }

    /// <summary>Scheme, host and port of the fake, e.g. <c>http://127.0.0.1:54321</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The username getMe reports.</summary>
    public string BotUsername { get; }

    /// <summary>A snapshot of every call received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedCall> Calls => _log.Snapshot();

    /// <summary>How many 429 responses the fake has sent (scripted by <see cref="FailNext"/> or from rate limiting).</summary>
    public int Count429 => Volatile.Read(ref _count429);

    /// <summary>Starts the fake on a free loopback port.</summary>
    public static async Task<FakeTelegramServer> StartAsync(
        string botUsername = "loyalty_test_bot", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botUsername);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        // Ignore appsettings/environment of the test host: a "Kestrel:Endpoints" section there would bind extra ports.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });

        var app = builder.Build();
        var server = new FakeTelegramServer(app, botUsername);
        app.Run(server.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
            server.BaseUrl = addresses.Addresses.Single().TrimEnd('/');
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A snapshot of the calls of one method (case-insensitive), in arrival order.</summary>
    public IReadOnlyList<RecordedCall> CallsTo(string method) => _log.Snapshot(method);

    /// <summary>
    /// Completes with the first recorded call of <paramref name="method"/> (case-insensitive) that matches
    /// <paramref name="predicate"/>, including calls that arrived before this method was called.
    /// </summary>
    /// <exception cref="TimeoutException">No matching call within <paramref name="timeout"/> (default 10 s).</exception>
    public Task<RecordedCall> WaitForCallAsync(
        string method,
        Func<RecordedCall, bool>? predicate = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        return _log.WaitAsync(method, predicate, timeout ?? DefaultWaitTimeout, cancellationToken);
    }

    /// <summary>Queues a raw Update JSON object (must contain <c>update_id</c>) for getUpdates.</summary>
    public void EnqueueUpdate(string json) => _updates.Enqueue(json);

    /// <summary>
    /// A private photo message from user <paramref name="userId"/> (chat id = user id) as Telegram sends it: the
    /// <paramref name="image"/> held by the fake under a file_id, listed as a small thumbnail and the full size (largest
    /// last), downloadable with getFile and <c>/file/bot{token}/{file_path}</c>. Returns the update JSON for the webhook
    /// (or <see cref="EnqueueUpdate"/>).
    /// </summary>
    public string PhotoUpdate(long updateId, long userId, byte[] image, int width = 1280, int height = 960, string languageCode = "ru")
    {
        var thumbnail = _files.Add(image.Take(Math.Min(image.Length, 1024)).ToArray(), "photos", "jpg");
        var full = _files.Add(image, "photos", "jpg");
        var message = FileMessage(updateId, userId, languageCode);
        message["photo"] = new JsonArray(
            PhotoSize(thumbnail, 90, 90 * height / width),
            PhotoSize(full, width, height));
        return Update(updateId, message);
    }

    /// <summary>A private message with a file ("document") from user <paramref name="userId"/>, downloadable like <see cref="PhotoUpdate"/>.</summary>
    public string DocumentUpdate(long updateId, long userId, byte[] content, string fileName, string mimeType, string languageCode = "ru")
    {
        var file = _files.Add(content, "documents", Path.GetExtension(fileName).TrimStart('.') is { Length: > 0 } ext ? ext : "bin");
        var message = FileMessage(updateId, userId, languageCode);
        message["document"] = new JsonObject
        {
            ["file_name"] = fileName,
            ["mime_type"] = mimeType,
            ["file_id"] = file.Id,
            ["file_unique_id"] = file.UniqueId,
            ["file_size"] = content.Length,
        };
        return Update(updateId, message);
    }

    /// <summary>From now on every send/edit to <paramref name="chatId"/> answers 403 "bot was blocked by the user".</summary>
    public void BlockChat(long chatId) => _dispatcher.BlockChat(chatId, blocked: true);

    /// <summary>Undoes <see cref="BlockChat"/>.</summary>
    public void UnblockChat(long chatId) => _dispatcher.BlockChat(chatId, blocked: false);

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> answer 429 with <c>retry_after</c>.</summary>
    public void FailNext(string method, int times, int retryAfterSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retryAfterSeconds);
        _dispatcher.Script(method, times, new ScriptedFailure(429, retryAfterSeconds));
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> answer <paramref name="httpStatus"/> (e.g. 500, 502).</summary>
    public void FailNextWith(string method, int times, int httpStatus)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(httpStatus, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(httpStatus, 599);
        _dispatcher.Script(method, times, new ScriptedFailure(httpStatus, null));
    }

    /// <summary>
    /// Answers 429 (retry_after 1) to a send that would exceed <paramref name="globalPerSecond"/> successful sends in the
    /// trailing second across all chats, or <paramref name="perChatPerSecond"/> to one chat (sliding windows).
    /// </summary>
    public void EnforceRateLimits(int globalPerSecond = 30, double perChatPerSecond = 1) =>
        _dispatcher.EnforceRateLimits(new SendRateLimiter(globalPerSecond, perChatPerSecond));

    /// <summary>Forgets calls, queued updates, blocked chats, scripted failures, rate limits, webhook and message ids.</summary>
    public void Reset()
    {
        _dispatcher.Reset();
        _log.Clear();
        _updates.Clear();
        _files.Clear();
        Interlocked.Exchange(ref _count429, 0);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;

        // Releases pending long polls so Kestrel's graceful shutdown does not wait for them.
        await _shutdown.CancelAsync().ConfigureAwait(false);
        using (var stopTimeout = new CancellationTokenSource(StopTimeout))
        {
            try
            {
                await _app.StopAsync(stopTimeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Shutdown timed out; disposing below still closes the sockets.
            }
        }
        await _app.DisposeAsync().ConfigureAwait(false);
        _shutdown.Dispose();
    }

    private async Task HandleAsync(HttpContext http)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        var arrivedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _shutdown.Token);
        var cancellationToken = linked.Token;
        try
        {
            if (await TryServeFileAsync(http, receivedAt, cancellationToken).ConfigureAwait(false))
                return;

            if (!TryParsePath(http.Request.Path.Value, out var token, out var requestedMethod))
            {
                await WriteAsync(http, BotApiJson.Error(404, "Not Found"), cancellationToken).ConfigureAwait(false);
                return;
            }

            var method = BotApiDispatcher.Canonicalize(requestedMethod);
            BotApiRequest request;
            FakeResponse? response;
            try
            {
                request = await BotApiRequestReader.ReadAsync(http.Request, cancellationToken).ConfigureAwait(false);
                response = _dispatcher.Respond(method, request, receivedAt, arrivedAt);
            }
            catch (Exception ex) when (ex is JsonException or InvalidDataException or BadHttpRequestException)
            {
                request = BotApiRequest.Empty;
                response = BotApiJson.Error(400, "Bad Request: can't parse request body");
            }

            var statusCode = response?.StatusCode ?? 200;
            if (statusCode == 429)
                Interlocked.Increment(ref _count429);
            // Recorded before the response is written, so a test that awaited the client call always sees it.
            _log.Add(new RecordedCall(method, token, receivedAt, request.Parameters, statusCode, request.FileBytes, request.FileName));

            response ??= await LongPollAsync(request, cancellationToken).ConfigureAwait(false);
            await WriteAsync(http, response, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away or the fake is shutting down: nobody is left to answer.
        }
    }

    private static JsonObject FileMessage(long updateId, long userId, string languageCode)
    {
        var user = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Менеджер", ["language_code"] = languageCode };
        return new JsonObject
        {
            ["message_id"] = (int)(updateId % 1_000_000) + 1,
            ["from"] = user,
            ["chat"] = new JsonObject { ["id"] = userId, ["first_name"] = "Менеджер", ["type"] = "private" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };
    }

    private static string Update(long updateId, JsonObject message) =>
        new JsonObject { ["update_id"] = updateId, ["message"] = message }.ToJsonString();

    private static JsonObject PhotoSize(FakeFile file, int width, int height) => new()
    {
        ["file_id"] = file.Id,
        ["file_unique_id"] = file.UniqueId,
        ["file_size"] = file.Bytes.Length,
        ["width"] = width,
        ["height"] = height,
    };

    /// <summary><c>/file/bot{token}/{file_path}</c>: the bytes of a file the fake holds, as Telegram's file server answers.</summary>
    private async Task<bool> TryServeFileAsync(HttpContext http, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        const string prefix = "/file/bot";
        var path = http.Request.Path.Value;
        if (path is null || !path.StartsWith(prefix, StringComparison.Ordinal))
            return false;

        var rest = path[prefix.Length..];
        var slash = rest.IndexOf('/');
        var file = slash > 0 ? _files.ByPath(rest[(slash + 1)..]) : null;
        _log.Add(new RecordedCall("file", slash > 0 ? rest[..slash] : "", receivedAt,
            new Dictionary<string, string> { ["file_path"] = slash > 0 ? rest[(slash + 1)..] : "" }, file is null ? 404 : 200, null, null));
        if (file is null)
        {
            http.Response.StatusCode = 404;
            return true;
        }

        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/octet-stream";
        http.Response.ContentLength = file.Bytes.Length;
        await http.Response.Body.WriteAsync(file.Bytes, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<FakeResponse> LongPollAsync(BotApiRequest request, CancellationToken cancellationToken)
    {
        var offset = request.GetInt("offset") ?? 0;
        var limit = Math.Clamp(request.GetInt("limit") ?? 100, 1, 100);
        var wait = TimeSpan.FromSeconds(Math.Max(0, request.GetInt("timeout") ?? 0));
        if (wait > MaxLongPollWait)
            wait = MaxLongPollWait;

        try
        {
            var updates = await _updates.TakeAsync(offset, limit, wait, cancellationToken).ConfigureAwait(false);
            return BotApiJson.OkRawArray(updates);
        }
        catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
        {
            return BotApiJson.OkRawArray([]);
        }
    }

    private static bool TryParsePath(string? path, out string token, out string method)
    {
        token = method = "";
        if (path is null || !path.StartsWith("/bot", StringComparison.Ordinal))
            return false;

        var rest = path.AsSpan(4);
        var slash = rest.IndexOf('/');
        if (slash <= 0)
            return false;
        var tail = rest[(slash + 1)..];
        // Telegram.Bot's UseTestEnvironment builds /bot{token}/test/{method}.
        if (tail.StartsWith("test/", StringComparison.Ordinal))
            tail = tail[5..];
        if (tail.IsEmpty || tail.Contains('/'))
            return false;

        token = rest[..slash].ToString();
        method = tail.ToString();
        return true;
    }

    private static async Task WriteAsync(HttpContext http, FakeResponse response, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = response.StatusCode;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(response.Body, cancellationToken).ConfigureAwait(false);
    }
}
