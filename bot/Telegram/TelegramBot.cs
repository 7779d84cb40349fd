using Microsoft.Extensions.Logging;
using Telegram.Bot;

namespace LoyaltyBot.Bot.Telegram;

/// <summary>
/// The Bot API client of this process, when a token is configured, and what getMe told us about the bot.
/// The client owns its own <see cref="HttpClient"/>: no IHttpClientFactory logging, because every request URL
/// carries the token.
/// </summary>
public sealed class TelegramBot : IDisposable
{
    /// <summary>Above the long-poll timeout of <see cref="TelegramPolling"/>, so the poll ends before the HTTP call.</summary>
    internal static readonly TimeSpan HttpTimeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient? _http;
    private readonly ITelegramBotClient? _client;
    private readonly ILogger<TelegramBot> _logger;
    private volatile string? _username;

    public TelegramBot(TelegramOptions options, ILogger<TelegramBot> logger)
    {
        Options = options;
        _logger = logger;
        if (!options.HasToken)
        {
            return;
        }

        TelegramBotClientOptions clientOptions;
        try
        {
            clientOptions = new TelegramBotClientOptions(options.BotToken!.Trim(), options.EffectiveApiBaseUrl)
            {
                // No hidden sleep-and-retry on 429 inside a call: the outbox and the inline replies honour retry_after themselves.
                RetryThreshold = 0,
            };
        }
        catch (ArgumentException)
        {
            // The library's message does not contain the token; ours must not either.
            logger.LogError("Telegram:BotToken is not a valid bot token (expected <digits>:<secret>); Telegram stays off");
            return;
        }

        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(3) }) { Timeout = HttpTimeout };
        _client = new TelegramBotClient(clientOptions, _http);
    }

    public TelegramOptions Options { get; }

    /// <summary>True when a valid token is configured.</summary>
    public bool IsEnabled => _client is not null;

    /// <summary>The Bot API client; only when <see cref="IsEnabled"/>.</summary>
    public ITelegramBotClient Client => _client ?? throw new InvalidOperationException("Telegram is not configured (no Telegram:BotToken).");

    /// <summary>The bot's @username without the @, once getMe has answered; null before.</summary>
    public string? Username => _username;

    /// <summary>The cached username, or asks getMe once; null when Telegram is off or unreachable.</summary>
    public async Task<string?> GetUsernameAsync(CancellationToken cancellationToken)
    {
        if (_username is not null || _client is null)
        {
            return _username;
        }

        try
        {
            var me = await _client.GetMe(cancellationToken);
            _username = me.Username;
            _logger.LogInformation("Telegram bot is @{Username}", me.Username);
            return _username;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && TelegramErrors.IsChannelFailure(exception))
        {
            _logger.LogWarning("getMe failed: {Reason}", TelegramErrors.Describe(exception));
            return null;
        }
    }

    public void Dispose() => _http?.Dispose();
}
