using System.Collections.Concurrent;
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

namespace LoyaltyBot.Tests.Fakes.Teams;

/// <summary>
/// A loopback fake of the Bot Framework's outside world: the OpenID metadata and JWKS (with endorsements) that
/// inbound tokens are checked against, the Entra token endpoint (client credentials), and the Bot Connector
/// (create conversation, send, reply, update), recording every connector call.
/// </summary>
/// <remarks>
/// Differences from the real services worth knowing: tokens are opaque strings, not JWTs; any conversation id is
/// accepted; activity and created conversation ids are counted from 1; there is no rate limiting unless scripted with <see cref="FailNext"/>.
/// </remarks>
public sealed class FakeBotFrameworkServer : IAsyncDisposable
{
    public const string AppId = "00000000-1111-2222-3333-444444444444";
    public const string AppPassword = "test-app-password";

    private static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<TestSigningKey> _published = [];
    private readonly List<ConnectorCall> _calls = [];
    private readonly List<IReadOnlyDictionary<string, string>> _tokenRequests = [];
    private readonly ConcurrentQueue<ConnectorFailure> _failures = new();
    private readonly HashSet<string> _issuedTokens = new(StringComparer.Ordinal);
    private int _activityIds;
    private int _conversationIds;
    private int _metadataRequests;
    private int _keyRequests;

    private FakeBotFrameworkServer(WebApplication app)
    {
        _app = app;
        _published.Add(TeamsKey);
        _published.Add(WebChatOnlyKey);
    }

    /// <summary>Scheme, host and port, e.g. <c>http://127.0.0.1:54321</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public string OpenIdMetadataUrl => $"{BaseUrl}/v1/.well-known/openidconfiguration";

    public string TokenEndpoint => $"{BaseUrl}/botframework.com/oauth2/v2.0/token";

    /// <summary>The connector's service URL, with a path like the real regional ones.</summary>
    public string ServiceUrl => $"{BaseUrl}/amer/";

    /// <summary>A published key endorsed for Teams (and Web Chat), as the real keys are.</summary>
    public TestSigningKey TeamsKey { get; } = new("teams-key", "msteams", "webchat");

    /// <summary>A published key that is not endorsed for <c>msteams</c>.</summary>
    public TestSigningKey WebChatOnlyKey { get; } = new("webchat-key", "webchat");

    public IReadOnlyList<ConnectorCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return _calls.ToArray();
            }
        }
    }

    /// <summary>The form fields of every token request.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> TokenRequests
    {
        get
        {
            lock (_gate)
            {
                return _tokenRequests.ToArray();
            }
        }
    }

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public int KeyRequests => Volatile.Read(ref _keyRequests);

    /// <summary>While true, the OpenID metadata answers 500 (still counted in <see cref="MetadataRequests"/>).</summary>
    public bool MetadataUnavailable { get; set; }

    public static async Task<FakeBotFrameworkServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        // Ignore the test host's settings: a "Kestrel:Endpoints" section there would bind extra ports.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeBotFrameworkServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single().TrimEnd('/');
        return server;
    }

    /// <summary>The settings that point the API host's Teams adapter at this fake.</summary>
    public Dictionary<string, string?> Settings(params string[] allowedServiceHosts)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = AppId,
            ["Teams:AppPassword"] = AppPassword,
            ["Teams:OpenIdMetadataUrl"] = OpenIdMetadataUrl,
            ["Teams:TokenEndpoint"] = TokenEndpoint,
        };
        string[] hosts = allowedServiceHosts.Length > 0 ? allowedServiceHosts : ["127.0.0.1"];
        for (var i = 0; i < hosts.Length; i++)
        {
            settings[$"Teams:AllowedServiceHosts:{i}"] = hosts[i];
        }

        return settings;
    }

    /// <summary>Adds a key to the JWKS (a key rotation).</summary>
    public void Publish(TestSigningKey key)
    {
        lock (_gate)
        {
            _published.Add(key);
        }
    }

    /// <summary>The next <paramref name="times"/> connector calls get this answer instead of success.</summary>
    public void FailNext(ConnectorFailure failure, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _failures.Enqueue(failure);
        }
    }

    /// <summary>Completes with the first recorded call matching <paramref name="predicate"/>, including earlier ones.</summary>
    public async Task<ConnectorCall> WaitForCallAsync(Func<ConnectorCall, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWaitTimeout);
        while (true)
        {
            if (Calls.FirstOrDefault(predicate) is { } call)
            {
                return call;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("No matching Bot Connector call arrived in time.");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await _app.StopAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Disposing below still closes the sockets.
            }
        }

        await _app.DisposeAsync();
        TeamsKey.Dispose();
        WebChatOnlyKey.Dispose();
    }

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        if (HttpMethods.IsGet(http.Request.Method) && path == "/v1/.well-known/openidconfiguration")
        {
            Interlocked.Increment(ref _metadataRequests);
            if (MetadataUnavailable)
            {
                http.Response.StatusCode = 500;
                return;
            }

            await WriteJson(http, 200, new JsonObject
            {
                ["issuer"] = "https://api.botframework.com",
                ["authorization_endpoint"] = "https://invalid.botframework.com",
                ["jwks_uri"] = $"{BaseUrl}/v1/.well-known/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            });
        }
        else if (HttpMethods.IsGet(http.Request.Method) && path == "/v1/.well-known/keys")
        {
            Interlocked.Increment(ref _keyRequests);
            JsonNode?[] keys;
            lock (_gate)
            {
                keys = _published.Select(k => (JsonNode?)k.ToJwk()).ToArray();
            }

            await WriteJson(http, 200, new JsonObject { ["keys"] = new JsonArray(keys) });
        }
        else if (HttpMethods.IsPost(http.Request.Method) && path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            await IssueTokenAsync(http);
        }
        else if (path.IndexOf("/v3/conversations", StringComparison.Ordinal) is var at and >= 0)
        {
            await ConnectorAsync(http, path[(at + "/v3/conversations".Length)..]);
        }
        else
        {
            http.Response.StatusCode = 404;
        }
    }

    private async Task IssueTokenAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync();
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString());
        string token;
        lock (_gate)
        {
            _tokenRequests.Add(fields);
            token = $"fake-connector-token-{_tokenRequests.Count}";
        }

        if (fields.GetValueOrDefault("client_secret") != AppPassword || fields.GetValueOrDefault("grant_type") != "client_credentials")
        {
            await WriteJson(http, 401, new JsonObject { ["error"] = "invalid_client" });
            return;
        }

        lock (_gate)
        {
            _issuedTokens.Add(token);
        }

        await WriteJson(http, 200, new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["access_token"] = token });
    }

    /// <summary><c>""</c> create; <c>/{id}/activities</c> send; <c>/{id}/activities/{activityId}</c> reply (POST) or update (PUT).</summary>
    private async Task ConnectorAsync(HttpContext http, string rest)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        var segments = rest.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var put = HttpMethods.IsPut(http.Request.Method);
        var (kind, conversation, activity) = segments switch
        {
            [] when !put => ("create", null, null),
            [var c, "activities"] when !put => ("send", c, null),
            [var c, "activities", var a] => (put ? "update" : "reply", c, a),
            _ => ("unknown", (string?)null, (string?)null),
        };
        JsonNode? body = null;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body);
        }
        catch (JsonException)
        {
            // Recorded with a null body and answered 400 below.
        }

        var authorization = http.Request.Headers.Authorization.ToString();
        bool authorized;
        lock (_gate)
        {
            authorized = authorization.StartsWith("Bearer ", StringComparison.Ordinal) && _issuedTokens.Contains(authorization["Bearer ".Length..]);
        }

        (int Status, JsonObject? Answer, TimeSpan? RetryAfter) outcome = (kind, body, authorized) switch
        {
            ("unknown", _, _) => (404, null, null),
            (_, _, false) => (401, new JsonObject { ["message"] = "Authorization has been denied for this request." }, null),
            (_, null, _) => (400, Error("BadArgument", "Unreadable body"), null),
            _ when _failures.TryDequeue(out var failure) => (failure.StatusCode, Error(failure.ErrorCode ?? "Failure", "Scripted failure"), failure.RetryAfter),
            ("create", _, _) => (201, new JsonObject { ["id"] = $"a:created-conversation-{Interlocked.Increment(ref _conversationIds)}" }, null),
            _ => (kind == "update" ? 200 : 201, new JsonObject { ["id"] = kind == "update" ? activity : $"activity-{Interlocked.Increment(ref _activityIds)}" }, null),
        };
        var (status, answer, retryAfter) = outcome;

        lock (_gate)
        {
            _calls.Add(new ConnectorCall(http.Request.Method, kind, conversation, activity, authorization, body, status, receivedAt));
        }

        if (retryAfter is { } delay)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(delay.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (answer is null)
        {
            http.Response.StatusCode = status;
            return;
        }

        await WriteJson(http, status, answer);
    }

    private static JsonObject Error(string code, string message) =>
        new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    private static async Task WriteJson(HttpContext http, int status, JsonNode body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString());
    }
}
