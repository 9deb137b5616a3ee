using System.Diagnostics;
using Google.Protobuf;
using Hierarchy.Domain.Access;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Domain.Responsibility;
using Hierarchy.V1;

namespace Hierarchy.Bench.Resolve;

/// <summary>Resolve called in the process, on random households: the domain answer alone, then with its protobuf response.</summary>
internal static class InProcess
{
    private const int Calls = 3_000_000;

    public static void Measure(HierarchyState state, Server.Services.ResponsibilityService service)
    {
        var random = new Random(7);
        var households = Enumerable.Range(0, 1 << 20).Select(_ => (long)random.Next(1, (int)state.Households.Count + 1)).ToArray();
        var caller = new Caller(CallerRole.Service, 0);
        long sink = 0;

        var domain = Time(i =>
        {
            var tree = state.Tree;
            tree.TryIndexOf(state.Households.BuildingGroupOf(households[i & ((1 << 20) - 1)]), out var index);
            sink += ResponsibilityResolver.Resolve(tree, index, "sewage").OwnerIndex;
        });
        var full = Time(i =>
        {
            var request = new ResolveRequest { HouseholdId = households[i & ((1 << 20) - 1)], Category = "sewage" };
            sink += service.ResolveEncoded(state.Tree, request, caller).Length;
        });
        var built = Time(i =>
        {
            var request = new ResolveRequest { HouseholdId = households[i & ((1 << 20) - 1)], Category = "sewage" };
            sink += service.Resolve(state.Tree, request, caller).ToByteArray().Length;
        });
        var hot = new ResolveRequest { HouseholdId = households[0], Category = "sewage" };
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var repeated = Time(_ => sink += service.ResolveEncoded(state.Tree, hot, caller).Length);
        var allocated = (double)(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (Calls + (Calls / 10));
        Console.WriteLine(
            $"in-process Resolve over random households: {domain:F0} ns/call (domain answer), {full:F0} ns/call (encoded response), {built:F0} ns/call (the same answer built as message objects and serialised); " +
            $"one household repeated: {repeated:F0} ns/call (encoded response), {allocated:F0} B allocated a call; checksum {sink % 997}");
    }

    private static double Time(Action<int> call)
    {
        for (var i = 0; i < Calls / 10; i++)
        {
            call(i);
        }

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Calls; i++)
        {
            call(i);
        }

        return clock.Elapsed.TotalNanoseconds / Calls;
    }
}
