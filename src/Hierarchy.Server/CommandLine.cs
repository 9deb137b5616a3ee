using System.Net;

namespace Hierarchy.Server;

/// <summary>Reads server settings from flags, then environment variables, then defaults.</summary>
public static class CommandLine
{
    /// <summary>Gets the usage text.</summary>
    public const string Usage = """
        Usage: Hierarchy.Server [--listen HOST:PORT] [--database SQLITE_PATH|POSTGRES_CONNECTION_STRING]
                                [--tls-cert CERT.pem --tls-key KEY.pem] [--silo-port PORT] [--gateway-port PORT]
                                [--http HOST:PORT|off] [--dashboard HOST:PORT] [--metrics HOST:PORT] [--no-sample]
          --listen     where to serve gRPC over HTTP/2 (env HIERARCHY_LISTEN; default 127.0.0.1:50051)
          --http       where to serve the admin console, JSON over HTTP/1.1 and HTTP/2, OpenAPI and Open311 (env HIERARCHY_HTTP;
                       default 127.0.0.1:8080; off serves none)
          --database   SQLite file (default data/hierarchy.db) or a PostgreSQL connection string (env HIERARCHY_DATABASE)
          --tls-cert   PEM certificate; serves TLS instead of cleartext h2c (env HIERARCHY_TLS_CERT, HIERARCHY_TLS_KEY)
          --silo-port  where this process's Orleans silo talks to the others (env HIERARCHY_SILO_PORT; default a free port)
          --gateway-port  where Orleans clients reach the silo (env HIERARCHY_GATEWAY_PORT; default a free port)
          --dashboard  serve the Orleans Dashboard (HTTP/1.1, no login: keep it on an admin network) (env HIERARCHY_DASHBOARD; default off;
                       such as 127.0.0.1:8081)
          --metrics    serve /metrics (Prometheus), /healthz and /readyz over HTTP/1.1 (env HIERARCHY_METRICS; default off);
                       OTEL_EXPORTER_OTLP_ENDPOINT set exports the same metrics over OTLP
          --no-sample  start with an empty database instead of loading the Tongzhou sample
        Tokens and roles: Hierarchy:Tokens in appsettings.json, or env Hierarchy__Tokens__<token>=service|dispatcher|member:<id>|admin:<unit id>|worker:<grid id>|department:<code>
        Who may whistle (吹哨): Hierarchy:Whistle:By (street, community, grid, district, grid_worker, citizen) and Hierarchy:Whistle:ReportWithinMinutes
        """;

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> naming the bad flag.</summary>
    public static ServerSettings Parse(string[] args, Func<string, string?> environment)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var loadSample = true;
        for (var i = 0; i < args.Length; i++)
        {
            var flag = args[i];
            if (flag == "--no-sample")
            {
                loadSample = false;
                continue;
            }

            if (flag is not ("--listen" or "--database" or "--tls-cert" or "--tls-key" or "--silo-port" or "--gateway-port" or "--dashboard" or "--metrics" or "--http"))
            {
                throw new ArgumentException($"unknown argument '{flag}'");
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{flag} needs a value");
            }

            values[flag] = args[++i];
        }

        string? Get(string flag, string variable) => values.TryGetValue(flag, out var v) ? v : environment(variable);

        var settings = new ServerSettings { LoadSample = loadSample };
        if (Endpoint(Get("--listen", "HIERARCHY_LISTEN"), "--listen", "127.0.0.1:50051") is { } listen)
        {
            settings = settings with { Listen = listen };
        }

        var http = Get("--http", "HIERARCHY_HTTP") ?? "127.0.0.1:8080";
        if (http != "off")
        {
            settings = settings with { HttpListen = Endpoint(http, "--http", "127.0.0.1:8080") };
        }

        if (Endpoint(Get("--dashboard", "HIERARCHY_DASHBOARD"), "--dashboard", "127.0.0.1:8081") is { } dashboard)
        {
            settings = settings with { DashboardListen = dashboard };
        }

        if (Endpoint(Get("--metrics", "HIERARCHY_METRICS"), "--metrics", "127.0.0.1:9464") is { } metrics)
        {
            settings = settings with { MetricsListen = metrics };
        }

        if (Get("--database", "HIERARCHY_DATABASE") is { Length: > 0 } database)
        {
            settings = settings with { Storage = StorageSettings.Parse(database) };
        }

        var cert = Get("--tls-cert", "HIERARCHY_TLS_CERT");
        var key = Get("--tls-key", "HIERARCHY_TLS_KEY");
        if ((cert is null) != (key is null))
        {
            throw new ArgumentException("--tls-cert and --tls-key go together");
        }

        return settings with
        {
            TlsCertificatePath = cert,
            TlsKeyPath = key,
            SiloPort = Port(Get("--silo-port", "HIERARCHY_SILO_PORT"), "--silo-port"),
            GatewayPort = Port(Get("--gateway-port", "HIERARCHY_GATEWAY_PORT"), "--gateway-port"),
        };
    }

    private static IPEndPoint? Endpoint(string? value, string flag, string example)
    {
        if (value is null)
        {
            return null;
        }

        return IPEndPoint.TryParse(value.Replace("localhost", "127.0.0.1", StringComparison.Ordinal), out var endpoint)
            ? endpoint
            : throw new ArgumentException($"{flag} '{(value.Length > 64 ? value[..64] + "…" : value)}' is not HOST:PORT, such as {example}");
    }

    private static int? Port(string? value, string flag)
    {
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
            && port is > 0 and <= 65535
            ? port
            : throw new ArgumentException($"{flag} '{(value.Length > 16 ? value[..16] + "…" : value)}' is not a port from 1 to 65535");
    }
}
