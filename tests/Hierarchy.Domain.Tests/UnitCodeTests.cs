using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Organization;

namespace Hierarchy.Domain.Tests;

public sealed class UnitCodeTests
{
    [Theory]
    [InlineData("110112", OrgLevel.District)]
    [InlineData("110112121", OrgLevel.Street)]
    [InlineData("110112121013", OrgLevel.Community)]
    [InlineData("110112121013001", OrgLevel.Grid)]
    [InlineData("110112121013001001", OrgLevel.BuildingGroup)]
    public void The_code_length_names_the_level(string code, OrgLevel level) => Assert.Equal(level, UnitCode.LevelOf(code));

    [Fact]
    public void A_grid_code_extends_its_communitys_code() =>
        UnitCode.Validate("code", OrgLevel.Grid, "110112121013001", "110112121013");

    [Fact]
    public void A_grid_code_under_another_community_is_refused_naming_the_field()
    {
        var error = Assert.Throws<InvalidFieldException>(() => UnitCode.Validate("code", OrgLevel.Grid, "110112001006001", "110112121013"));

        Assert.Equal("code", error.Field);
        Assert.Contains("110112121013", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_street_code_of_the_wrong_length_is_refused() =>
        Assert.Throws<InvalidFieldException>(() => UnitCode.Validate("code", OrgLevel.Street, "1101121", "110112"));
}
