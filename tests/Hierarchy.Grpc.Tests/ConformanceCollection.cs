namespace Hierarchy.Grpc.Tests;

[CollectionDefinition(Name)]
public sealed class ConformanceCollection : ICollectionFixture<ConformanceServer>
{
    public const string Name = "conformance server";
}
