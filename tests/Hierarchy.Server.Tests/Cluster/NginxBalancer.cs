using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Hierarchy.Testing;

namespace Hierarchy.Server.Tests.Cluster;

/// <summary>Debian's nginx in front of the replicas: h2c in, <c>grpc_pass</c> to each replica over h2c, retrying another replica on connection errors.</summary>
public sealed class NginxBalancer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _folder;

    private NginxBalancer(Process process, DirectoryInfo folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Gets why nginx tests are skipped here; null when nginx is installed (./test.sh installs it).</summary>
    public static string? SkipReason =>
        Environment.GetEnvironmentVariable("CI") == "true" || File.Exists("/usr/sbin/nginx") ? null : "nginx is not installed; ./test.sh installs it";

    public static async Task<NginxBalancer> StartAsync(IEnumerable<Uri> replicas)
    {
        var folder = Directory.CreateTempSubdirectory("hierarchy-nginx-");
        var port = LoopbackPort.Free();
        var config = Path.Combine(folder.FullName, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            user root;
            worker_processes 1;
            pid {{folder.FullName}}/nginx.pid;
            error_log {{folder.FullName}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{folder.FullName}}/body;
                upstream hierarchy {
            {{string.Concat(replicas.Select(r => $"        server {r.Host}:{r.Port} max_fails=1 fail_timeout=30s;\n"))}}
                }
                server {
                    listen 127.0.0.1:{{port}} http2;
                    location / {
                        grpc_pass grpc://hierarchy;
                        grpc_next_upstream error timeout;
                        grpc_connect_timeout 1s;
                    }
                }
            }
            """);
        var process = Process.Start(new ProcessStartInfo("/usr/sbin/nginx")
        {
            ArgumentList = { "-p", folder.FullName, "-c", config, "-g", "daemon off;" },
            RedirectStandardError = true,
        })!;
        var balancer = new NginxBalancer(process, folder, new Uri($"http://127.0.0.1:{port}"));
        await balancer.WaitUntilListeningAsync(port);
        return balancer;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _folder.Delete(recursive: true);
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited: {await _process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                // nginx binds its port a moment after it starts; connecting is the signal it is up.
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException("nginx did not start listening");
    }

}
