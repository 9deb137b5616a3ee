namespace Hierarchy.Domain.Responsibility;

/// <summary>职能部门: a functional department that receives what escalates past the street (吹哨报到).</summary>
/// <param name="Code">Gets the short code, such as "water".</param>
/// <param name="Name">Gets the name, such as "区水务局".</param>
public sealed record Department(string Code, string Name);
