using LoyaltyBot.Bot.Achievements;
using LoyaltyBot.Bot.Broadcasts;
using LoyaltyBot.Bot.Contests;
using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Bot.Delivery;
using LoyaltyBot.Bot.Import;
using LoyaltyBot.Bot.Expiry;
using LoyaltyBot.Bot.Quizzes;
using LoyaltyBot.Bot.Reports;
using LoyaltyBot.Bot.Rewards;
using LoyaltyBot.Bot.Referrals;
using LoyaltyBot.Bot.Spiffs;
using LoyaltyBot.Bot.Terminal;
using LoyaltyBot.Core.Contests;
using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Hosting;
using LoyaltyBot.Core.Joining;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Quizzes;
using LoyaltyBot.Core.Referrals;
using LoyaltyBot.Core.Tiers;
using LoyaltyBot.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Bot;

/// <summary>
/// The bot's command line: <c>chat</c> opens the terminal chat on the product's LiteDB file;
/// <c>enrol EXTERNAL-ID NAME</c> adds a member and prints a join code; <c>join-code EXTERNAL-ID</c> prints a new code;
/// <c>import-members FILE.csv</c> and <c>import-sales FILE.csv</c> load an ERP export (see bot/Import).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var command = args.FirstOrDefault();
        if (command is not ("chat" or "enrol" or "join-code" or "import-members" or "import-sales"))
        {
            Console.Error.WriteLine("""
                Usage:
                  dotnet run --project bot -- chat [--user NAME] [--lang ru|uk|en] [--Storage:Path FILE]
                  dotnet run --project bot -- enrol EXTERNAL-ID "NAME" [--Storage:Path FILE]
                  dotnet run --project bot -- join-code EXTERNAL-ID [--Storage:Path FILE]
                  dotnet run --project bot -- import-members FILE.csv [--Storage:Path FILE]
                  dotnet run --project bot -- import-sales FILE.csv [--Storage:Path FILE]
                The default database is the API's: api/data/loyalty.db (stop the API first: LiteDB opens the file exclusively).
                """);
            return 2;
        }

        var options = args.Skip(1).ToList();
        var user = TakeOption(options, "--user") ?? Environment.UserName;
        var language = TakeOption(options, "--lang") ?? "ru";
        var (settings, positional) = Split(options);
        var builder = Host.CreateApplicationBuilder(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["Storage:Path"] ??= DefaultDatabasePath();
        builder.Services.AddLoyaltyCore();
        builder.Services.AddChat();
        builder.Services.AddQuizzes();
        builder.Services.AddQuizChat();
        builder.Services.AddRewards();
        builder.Services.AddReferrals();
        builder.Services.AddReferralChat();
        builder.Services.AddImport();
        builder.Services.AddTierUpCongratulations();
        builder.Services.AddSpiffs();
        builder.Services.AddPointsExpiry();
        builder.Services.AddAchievements();
        builder.Services.AddReports();
        builder.Services.AddWebhooksCore(); // events are written here and delivered by the API, which shares the store
        builder.Services.AddBroadcasts();
        builder.Services.AddContests();
        builder.Services.AddContestChat();
        var console = new TerminalConsole(Console.Out, user);
        builder.Services.AddSingleton(console);
        builder.Services.AddSingleton<IChannelSender, TerminalChannelSender>();

        if (SettingsCheck.Problems(builder.Configuration) is { Count: > 0 } problems)
        {
            problems.ToList().ForEach(problem => Console.Error.WriteLine($"Configuration error: {problem}"));
            return 2;
        }

        using var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch (IOException exception)
        {
            Console.Error.WriteLine($"Cannot open the database {builder.Configuration["Storage:Path"]}: {exception.Message}");
            Console.Error.WriteLine("Is the API running on the same file? Stop it, or pass --Storage:Path another.db.");
            return 1;
        }

        var exitCode = command switch
        {
            "enrol" => await EnrolAsync(host.Services, positional),
            "join-code" => await JoinCodeAsync(host.Services, positional),
            "import-members" or "import-sales" => await ImportCommand.RunAsync(host.Services, command, positional, Console.Out, CancellationToken.None),
            _ => await ChatAsync(host.Services, console, language),
        };
        await host.StopAsync();
        return exitCode;
    }

    private static async Task<int> ChatAsync(IServiceProvider services, TerminalConsole console, string language)
    {
        var chat = new TerminalChat(services.GetRequiredService<IConversationEngine>(), console, Console.In, Console.Out);
        await chat.RunAsync(language, CancellationToken.None);
        return 0;
    }

    private static async Task<int> EnrolAsync(IServiceProvider services, IReadOnlyList<string> args)
    {
        if (args.Count < 2)
        {
            Console.Error.WriteLine("enrol needs EXTERNAL-ID and NAME.");
            return 2;
        }

        var codes = services.GetRequiredService<JoinCodes>();
        IssuedJoinCode? code = null;
        var result = await services.GetRequiredService<MemberRegistry>().EnrolAsync(
            new NewMember(args[0], args[1]), CancellationToken.None, (store, member) => code = codes.Issue(store, member.Id));
        if (!result.IsSuccess)
        {
            Console.Error.WriteLine($"{result.Error.Code}: {result.Error.Message}");
            return 1;
        }

        Console.WriteLine($"Member {result.Value.ExternalId} enrolled. Join code: {code!.Code} (valid until {LocalDay(services, code.ExpiresAt)}).");
        return 0;
    }

    private static async Task<int> JoinCodeAsync(IServiceProvider services, IReadOnlyList<string> args)
    {
        if (args.Count < 1)
        {
            Console.Error.WriteLine("join-code needs EXTERNAL-ID.");
            return 2;
        }

        var result = await services.GetRequiredService<JoinCodes>().IssueAsync(args[0], CancellationToken.None);
        if (!result.IsSuccess)
        {
            Console.Error.WriteLine($"{result.Error.Code}: {result.Error.Message}");
            return 1;
        }

        Console.WriteLine($"Join code for {args[0]}: {result.Value.Code} (valid until {LocalDay(services, result.Value.ExpiresAt)}).");
        return 0;
    }

    /// <summary>The day of Program:TimeZone a moment falls on, as the chat shows dates (not the UTC day).</summary>
    private static string LocalDay(IServiceProvider services, DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, services.GetRequiredService<ProgramCalendar>().TimeZone)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"--Key value" and "--Key=value" pairs are configuration; everything else is positional.</summary>
    private static (string[] Settings, List<string> Positional) Split(List<string> args)
    {
        var settings = new List<string>();
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(args[i]);
            }
            else if (args[i].Contains('=') || i + 1 >= args.Count)
            {
                settings.Add(args[i]);
            }
            else
            {
                settings.Add(args[i]);
                settings.Add(args[++i]);
            }
        }

        return (settings.ToArray(), positional);
    }

    private static string? TakeOption(List<string> options, string name)
    {
        var index = options.IndexOf(name);
        if (index < 0 || index + 1 >= options.Count)
        {
            return null;
        }

        var value = options[index + 1];
        options.RemoveRange(index, 2);
        return value;
    }

    /// <summary>The API's database when run from a checkout (so both see the same members), else <c>data/loyalty.db</c>.</summary>
    private static string DefaultDatabasePath()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LoyaltyBot.sln")))
            {
                return Path.Combine(dir.FullName, "api", "data", "loyalty.db");
            }
        }

        return Path.Combine("data", "loyalty.db");
    }
}
