namespace LoyaltyBot.Bot.Import;

/// <summary>A one-line progress bar redrawn in place (<c>\r</c>); silent when the output is not a terminal.</summary>
public sealed class ImportProgressBar(TextWriter output, bool interactive)
{
    private const int Width = 30;
    private int _lastPercent = -1;

    public void Report(int done, int total)
    {
        var percent = total == 0 ? 100 : (int)(done * 100L / total);
        if (!interactive || (percent == _lastPercent && done != total))
        {
            return;
        }

        _lastPercent = percent;
        var filled = percent * Width / 100;
        output.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}% {done:N0}/{total:N0}");
        if (done == total)
        {
            output.WriteLine();
        }
    }
}
