using LoyaltyBot.Core.Referrals;
using LoyaltyBot.Core.Results;

namespace LoyaltyBot.Tests.Referrals;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("8 916 123-45-67", "+79161234567")]
    [InlineData("8 (916) 123-45-67", "+79161234567")]
    [InlineData("89161234567", "+79161234567")]
    [InlineData("7 916 123 45 67", "+79161234567")]
    [InlineData("79161234567", "+79161234567")]
    [InlineData("+79161234567", "+79161234567")]
    [InlineData("+7 (916) 123-45-67", "+79161234567")]
    [InlineData("067 123 45 67", "+380671234567")]
    [InlineData("0671234567", "+380671234567")]
    [InlineData("380 67 123 45 67", "+380671234567")]
    [InlineData("+380 (67) 123-45-67", "+380671234567")]
    [InlineData("+44 7911 123456", "+447911123456")]
    [InlineData("+1 202.555.0143", "+12025550143")]
    public void A_typed_phone_is_stored_in_e164_whichever_national_or_international_form_it_was_typed_in(string typed, string stored)
    {
        Assert.Null(PhoneNumbers.Check("phone", typed, out var normalized));
        Assert.Equal(stored, normalized);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("447911123456")] // a foreign number without + cannot be told from a national one
    [InlineData("9161234567")] // Russian without the trunk prefix or country code
    [InlineData("8 916 123-45-6")] // 8 and 9 digits
    [InlineData("+0671234567")]
    [InlineData("+7 916 123 45 67 89 01 23")]
    [InlineData("++79161234567")]
    [InlineData("7+9161234567")]
    [InlineData("позвоните мне")]
    public void A_typed_text_that_is_no_phone_number_is_invalid(string typed)
    {
        Assert.Equal(Validate.InvalidValue, PhoneNumbers.Check("phone", typed, out _)?.Code);
    }

    [Theory]
    [InlineData("79161234567", "+79161234567")]
    [InlineData("+79161234567", "+79161234567")]
    [InlineData("380671234567", "+380671234567")]
    [InlineData("447911123456", "+447911123456")]
    public void A_shared_contact_is_international_with_or_without_the_plus(string shared, string stored)
    {
        Assert.Null(PhoneNumbers.Check("phone", shared, shared: true, out var normalized));
        Assert.Equal(stored, normalized);
    }
}
