using System.Globalization;

namespace LoyaltyBot.Bot.Rewards;

/// <summary>Reads the parts of a button payload after the handler's prefix (<c>s:{id}:{page}</c>); forged input yields defaults.</summary>
internal readonly record struct ChatArgs(string[] Parts)
{
    public static ChatArgs Parse(string args) => new(args.Split(':'));

    public string Verb => Parts[0];

    public string At(int index) => index < Parts.Length ? Parts[index] : string.Empty;

    /// <summary>A page number from 1, or 1 when missing or not a small number.</summary>
    public int Page(int index) =>
        int.TryParse(At(index), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : 1;
}
