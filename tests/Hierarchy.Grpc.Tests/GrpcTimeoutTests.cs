using Hierarchy.Grpc.Protocol;

namespace Hierarchy.Grpc.Tests;

public sealed class GrpcTimeoutTests
{
    [Theory]
    [InlineData("1H", 3600_000)]
    [InlineData("2M", 120_000)]
    [InlineData("3S", 3000)]
    [InlineData("250m", 250)]
    [InlineData("1500u", 1.5)]
    [InlineData("2000000n", 2)]
    public void Every_unit_of_the_specification_parses(string text, double milliseconds)
    {
        Assert.True(GrpcTimeout.TryParse(text, out var timeout));
        Assert.Equal(milliseconds, timeout.TotalMilliseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("123456789S")]
    [InlineData("-5S")]
    [InlineData("5s")]
    public void Malformed_values_are_refused(string text) => Assert.False(GrpcTimeout.TryParse(text, out _));

    [Fact]
    public void Formatting_uses_at_most_eight_digits_and_never_shortens_the_deadline()
    {
        var text = GrpcTimeout.Format(TimeSpan.FromDays(3) + TimeSpan.FromTicks(1));

        Assert.True(text.Length <= 9);
        Assert.True(GrpcTimeout.TryParse(text, out var parsed));
        Assert.True(parsed >= TimeSpan.FromDays(3));
    }
}
