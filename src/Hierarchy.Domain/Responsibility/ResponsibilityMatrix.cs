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
        _departments = departments.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);
        var byCategory = new Dictionary<string, ResponsibilityRule>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            rule.Validate();
            if (!_departments.ContainsKey(rule.DepartmentCode))
            {
                throw new InvalidFieldException("department_code", $"category {rule.Category} names unknown department '{rule.DepartmentCode}'");
            }

            byCategory[rule.Category] = rule;
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
}
