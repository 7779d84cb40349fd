namespace LoyaltyBot.Core.Localization;

/// <summary>CLDR plural categories for the program's languages.</summary>
public static class PluralRules
{
    /// <summary>
    /// Index of the form to use among "one|few|many|other": Russian and Ukrainian use
    /// one (1, 21, 101), few (2–4, 22–24), many (0, 5–20, 25…) and other (fractions: 1,5 балла);
    /// English uses one (exactly 1) and other.
    /// </summary>
    public static int FormIndex(string language, decimal number)
    {
        var abs = Math.Abs(number);
        if (abs != decimal.Truncate(abs))
        {
            return 3;
        }

        if (language is "ru" or "uk")
        {
            var mod10 = abs % 10;
            var mod100 = abs % 100;
            if (mod10 == 1 && mod100 != 11)
            {
                return 0;
            }

            if (mod10 is >= 2 and <= 4 && mod100 is < 12 or > 14)
            {
                return 1;
            }

            return 2;
        }

        return abs == 1 ? 0 : 3;
    }
}
