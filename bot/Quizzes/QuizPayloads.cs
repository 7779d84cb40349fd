using System.Globalization;
using System.Text;
using LoyaltyBot.Core.Chat;

namespace LoyaltyBot.Bot.Quizzes;

/// <summary>
/// Button payloads of the quiz flow. They carry opaque ids only: an answer button names the attempt, the question
/// and the option, never whether the option is right (<c>qz:a:{attemptId}:{questionIndex}:{optionId}</c>, ≤ 44 bytes).
/// </summary>
public static class QuizPayloads
{
    public const string Prefix = "qz";

    /// <summary>The open quizzes (the menu item).</summary>
    public const string List = Prefix + ":l";

    /// <summary>A quiz's intro with the start button.</summary>
    public static string Intro(string quizId) => Checked($"{Prefix}:s:{quizId}");

    /// <summary>Start, resume or move on to the next question; on a finished attempt, its result.</summary>
    public static string Begin(string quizId) => Checked($"{Prefix}:b:{quizId}");

    public static string Answer(string attemptId, int questionIndex, string optionId) =>
        Checked($"{Prefix}:a:{attemptId}:{questionIndex.ToString(CultureInfo.InvariantCulture)}:{optionId}");

    private static string Checked(string payload) =>
        Encoding.UTF8.GetByteCount(payload) <= ChatButton.MaxPayloadBytes
            ? payload
            : throw new InvalidOperationException($"The payload '{payload}' is longer than {ChatButton.MaxPayloadBytes} bytes.");
}
