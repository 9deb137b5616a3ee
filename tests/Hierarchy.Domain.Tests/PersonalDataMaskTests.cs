using Hierarchy.Domain.People;

namespace Hierarchy.Domain.Tests;

public sealed class PersonalDataMaskTests
{
    [Fact]
    public void A_name_keeps_only_its_surname() => Assert.Equal("张*", PersonalDataMask.Name("张伟"));

    [Fact]
    public void A_mobile_keeps_its_first_three_and_last_four_digits() => Assert.Equal("138****5678", PersonalDataMask.Phone("13812345678"));
}
