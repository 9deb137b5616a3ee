namespace Hierarchy.Server.Tests;

public sealed class CommandLineTests
{
    private static string? NoEnvironment(string name) => null;

    [Fact]
    public void Silo_and_gateway_ports_are_taken_from_their_flags()
    {
        var settings = CommandLine.Parse(["--silo-port", "11111", "--gateway-port", "30000"], NoEnvironment);

        Assert.Equal(11111, settings.SiloPort);
        Assert.Equal(30000, settings.GatewayPort);
    }

    [Fact]
    public void Without_flags_the_silo_picks_free_ports()
    {
        var settings = CommandLine.Parse([], NoEnvironment);

        Assert.Null(settings.SiloPort);
        Assert.Null(settings.GatewayPort);
    }

    [Fact]
    public void A_silo_port_that_is_not_a_port_is_refused_naming_the_flag_and_a_short_prefix()
    {
        var error = Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--silo-port", new string('9', 500)], NoEnvironment));

        Assert.StartsWith("--silo-port '9999999999999999…' is not a port", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dashboard_is_off_unless_asked_for()
    {
        Assert.Null(CommandLine.Parse([], NoEnvironment).DashboardListen);
        Assert.Equal(8080, CommandLine.Parse(["--dashboard", "localhost:8080"], NoEnvironment).DashboardListen?.Port);
    }

    [Fact]
    public void A_dashboard_address_that_is_not_one_is_refused_naming_the_flag()
    {
        var error = Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--dashboard", "everywhere"], NoEnvironment));

        Assert.Equal("--dashboard 'everywhere' is not HOST:PORT, such as 127.0.0.1:8081", error.Message);
    }
}
