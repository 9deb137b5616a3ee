using Google.Protobuf.Reflection;
using Hierarchy.Grpc.Protocol;
using Hierarchy.V1;

namespace Hierarchy.Grpc.Contract;

/// <summary>The methods of <c>hierarchy.v1.AdminService</c>.</summary>
public static class AdminMethods
{
    /// <summary>Gets the service descriptor.</summary>
    public static ServiceDescriptor Service => AdminReflection.Descriptor.FindTypeByName<ServiceDescriptor>("AdminService");

    /// <summary>Gets PlanReorganization.</summary>
    public static Method<PlanReorganizationRequest, ReorganizationPlan> PlanReorganization { get; } =
        Method<PlanReorganizationRequest, ReorganizationPlan>.From(Service, "PlanReorganization");

    /// <summary>Gets ApplyReorganization.</summary>
    public static Method<ApplyReorganizationRequest, ApplyReorganizationResponse> ApplyReorganization { get; } =
        Method<ApplyReorganizationRequest, ApplyReorganizationResponse>.From(Service, "ApplyReorganization");

    /// <summary>Gets ListReorganizations.</summary>
    public static Method<ListReorganizationsRequest, ListReorganizationsResponse> ListReorganizations { get; } =
        Method<ListReorganizationsRequest, ListReorganizationsResponse>.From(Service, "ListReorganizations");
}
