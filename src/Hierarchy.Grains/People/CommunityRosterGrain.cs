using Hierarchy.Domain.Errors;
using Hierarchy.Domain.People;
using Hierarchy.Storage.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hierarchy.Grains.People;

/// <summary>One community's co-building roster (双报到): checks a registration and writes it.</summary>
public sealed class CommunityRosterGrain(
    ICoBuildingStore roster, [FromKeyedServices(DomainClock.Key)] TimeProvider clock, ILogger<CommunityRosterGrain> logger)
    : Grain, ICommunityRosterGrain
{
    /// <inheritdoc />
    public async Task<CoBuildingRegistration> RegisterAsync(CoBuildingRegistration registration)
    {
        if (!Enum.IsDefined(registration.Kind))
        {
            throw new InvalidFieldException("kind", $"{(int)registration.Kind} is not ORGANISATION (1) or IN_SERVICE_MEMBER (2)");
        }

        Require("name", registration.Name);
        Require("contact", registration.Contact);
        Require("phone", registration.Phone);
        var unit = new CoBuildingUnit(0, this.GetPrimaryKeyLong(), registration.Kind, registration.Name.Trim(), registration.Contact.Trim(),
            registration.Phone.Trim(), clock.GetUtcNow(), registration.RegisteredBy);
        var stored = await GrainBoundary.RunAsync(() => roster.RegisterAsync(unit, CancellationToken.None), logger);
        return registration with { Id = stored.Id, RegisteredAt = stored.RegisteredAt, Name = stored.Name, Contact = stored.Contact, Phone = stored.Phone };
    }

    private static void Require(string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidFieldException(field, "is required");
        }
    }
}
