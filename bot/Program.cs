namespace LoyaltyBot.Bot;

/// <summary>Command-line entry of the bot project (the terminal chat).</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("Usage: dotnet run --project bot -- chat");
        return 2;
    }
}
