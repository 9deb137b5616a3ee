using System.Collections.Frozen;
using Hierarchy.Domain.Errors;

namespace Hierarchy.Domain.Responsibility;

/// <summary>职责清单: the responsibility rules by category, with the departments they name.</summary>
public sealed class ResponsibilityMatrix
{
    private readonly FrozenDictionary<string, ResponsibilityRule> _rules;
    private readonly FrozenDictionary<string, int> _ordinals;
    private readonly ResponsibilityRule[] _byOrdinal;
    private readonly FrozenDictionary<string, Department> _departments;

    /// <summary>Initializes a new instance of the <see cref="ResponsibilityMatrix"/> class; every rule must name a known department.</summary>
    public ResponsibilityMatrix(IEnumerable<ResponsibilityRule> rules, IEnumerable<Department> departments)
    {
        var byCode = new Dictionary<string, Department>(StringComparer.Ordinal);
        foreach (var department in departments)
        {
            if (department.Code == DispatchCentre.Code)
            {
                throw new InvalidFieldException("department_code", $"'{DispatchCentre.Code}' is the dispatch centre's own code; a department may not take it");
            }

            if (!byCode.TryAdd(department.Code, department))
            {
                throw new InvalidFieldException("department_code", $"department '{department.Code}' is listed twice");
            }
        }

        _departments = byCode.ToFrozenDictionary(StringComparer.Ordinal);
        var byCategory = new Dictionary<string, ResponsibilityRule>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            rule.Validate();
            foreach (var code in rule.CooperatingDepartments.Prepend(rule.DepartmentCode))
            {
                if (!_departments.ContainsKey(code))
                {
                    throw new InvalidFieldException("department_code", $"category {rule.Category} names unknown department '{code}'");
                }
            }

            if (!byCategory.TryAdd(rule.Category, rule))
            {
                throw new InvalidFieldException("category", $"'{rule.Category}' is listed twice");
            }
        }

        _rules = byCategory.ToFrozenDictionary(StringComparer.Ordinal);
        _byOrdinal = [.. byCategory.Values.OrderBy(r => r.Category, StringComparer.Ordinal)];
        _ordinals = _byOrdinal.Select((rule, i) => (rule.Category, i)).ToFrozenDictionary(x => x.Category, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>Gets the number of rules.</summary>
    public int Count => _byOrdinal.Length;

    /// <summary>Gets every rule, by category.</summary>
    public IEnumerable<ResponsibilityRule> Rules => _rules.Values.OrderBy(r => r.Category, StringComparer.Ordinal);

    /// <summary>Gets every department.</summary>
    public IEnumerable<Department> Departments => _departments.Values.OrderBy(d => d.Code, StringComparer.Ordinal);

    /// <summary>Gets the rule of a category.</summary>
    /// <exception cref="InvalidFieldException">The category is empty or not in the matrix.</exception>
    public ResponsibilityRule RuleFor(string category)
    {
        if (string.IsNullOrEmpty(category))
        {
            throw new InvalidFieldException("category", "is required");
        }

        return _rules.TryGetValue(category, out var rule)
            ? rule
            : throw new InvalidFieldException("category", $"'{category}' is not in the responsibility matrix; known: {string.Join(", ", _rules.Keys.Order(StringComparer.Ordinal))}");
    }

    /// <summary>Gets the position of a category's rule among all rules, for tables indexed by rule.</summary>
    /// <exception cref="InvalidFieldException">The category is empty or not in the matrix.</exception>
    public int OrdinalOf(string category) =>
        category is not null && _ordinals.TryGetValue(category, out var ordinal) ? ordinal : _ordinals[RuleFor(category!).Category];

    /// <summary>Gets the rule at an ordinal.</summary>
    public ResponsibilityRule RuleAt(int ordinal) => _byOrdinal[ordinal];

    /// <summary>Gets a department by code.</summary>
    public Department Department(string code) => _departments[code];

    /// <summary>Gets a department by the code a caller gave.</summary>
    /// <exception cref="InvalidFieldException">No department has that code.</exception>
    public Department KnownDepartment(string field, string code) =>
        _departments.TryGetValue(code ?? string.Empty, out var department)
            ? department
            : throw new InvalidFieldException(field, $"'{Quote.Prefix(code)}' is not a department; known: {string.Join(", ", _departments.Keys.Order(StringComparer.Ordinal))}");

    /// <summary>Tells whether a category is in the list.</summary>
    public bool Contains(string category) => _rules.ContainsKey(category);
}
