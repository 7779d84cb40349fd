namespace LoyaltyBot.Core.Spiffs;

/// <summary>Configuration section <c>Spiffs</c>.</summary>
public sealed class SpiffOptions
{
    public const string Section = "Spiffs";

    /// <summary>How often the SPIFF clock looks for SPIFFs that started; 0 turns it off (tests call it directly).</summary>
    public int PollSeconds { get; set; } = 60;
}
