namespace Hierarchy.Testing;

/// <summary>A fact that needs PostgreSQL: skipped when none is reachable, unless CI=true, where it runs and fails.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>Initializes a new instance of the <see cref="PostgresFactAttribute"/> class.</summary>
    public PostgresFactAttribute()
    {
        if (TestPostgres.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
