using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using HealthApi = Grpc.Health.V1.Health;

namespace Hierarchy.Server.Tests;

public sealed class TlsTests
{
    [Fact]
    public async Task With_a_certificate_configured_the_server_speaks_grpc_over_tls()
    {
        var folder = Directory.CreateTempSubdirectory("hierarchy-tls-");
        try
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
            var certPath = Path.Combine(folder.FullName, "cert.pem");
            var keyPath = Path.Combine(folder.FullName, "key.pem");
            await File.WriteAllTextAsync(certPath, certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem());

            await using var server = await HierarchyServer.StartAsync(
                new ServerSettings
                {
                    Listen = new IPEndPoint(IPAddress.Loopback, 0),
                    Storage = StorageSettings.Parse(Path.Combine(folder.FullName, "tls.db")),
                    LoadSample = false,
                    TlsCertificatePath = certPath,
                    TlsKeyPath = keyPath,
                    Tokens = new Dictionary<string, string>(),
                },
                logging => logging.ClearProviders());
            var handler = new SocketsHttpHandler();
            handler.SslOptions.RemoteCertificateValidationCallback =
                (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString();
            using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { HttpHandler = handler });

            var reply = await new HealthApi.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10));

            Assert.Equal("https", server.Address.Scheme);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
