using Hierarchy.Domain.Organization;
using Hierarchy.Domain.People;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Domain.Responsibility;

namespace Hierarchy.Server.Services;

/// <summary>Turns domain values into the messages of hierarchy.v1.</summary>
internal static class ProtoMapping
{
    public static V1.OrgUnit Unit(OrgUnit unit, int childCount) => new()
    {
        Id = unit.Id,
        Level = (V1.OrgLevel)unit.Level,
        Code = unit.Code,
        Name = unit.Name,
        ParentId = unit.ParentId ?? 0,
        Version = unit.Version,
        ChildCount = childCount,
        Retired = unit.Retired,
        Kind = (V1.UnitKind)unit.Kind,
    };

    public static V1.Position Position(Position position) => new()
    {
        UnitId = position.UnitId,
        Kind = (V1.PositionKind)position.Kind,
        Holder = new V1.Person { Name = position.HolderName, Phone = position.HolderPhone, MemberId = position.MemberId ?? 0 },
        Agency = position.Agency ?? string.Empty,
    };

    public static V1.Department Department(Department department) => new() { Code = department.Code, Name = department.Name };

    /// <summary>Maps a row of the responsibility list.</summary>
    public static V1.Category Category(ResponsibilityMatrix list, ResponsibilityRule rule)
    {
        var category = new V1.Category
        {
            Code = rule.Category,
            Name = rule.Name,
            ClassName = rule.ClassName,
            LowestLevel = (V1.OrgLevel)rule.LowestLevel,
            CeilingLevel = (V1.OrgLevel)rule.CeilingLevel,
            Department = Department(list.Department(rule.DepartmentCode)),
            DepartmentTimeLimitSeconds = (long)rule.DepartmentTimeLimit.TotalSeconds,
            ReplyDeadlineSeconds = (long)rule.ReplyDeadline.TotalSeconds,
            FirstReceiver = (V1.AttachedOrganizationKind)(int)(rule.FirstReceiver ?? 0),
        };
        category.CooperatingDepartments.AddRange(rule.CooperatingDepartments.Select(code => Department(list.Department(code))));
        category.TimeLimits.AddRange(Enum.GetValues<OrgLevel>().Reverse()
            .Select(level => new V1.LevelTimeLimit { Level = (V1.OrgLevel)level, Seconds = (long)rule.TimeLimitAt(level).TotalSeconds }));
        return category;
    }

    /// <summary>Maps a household's linked member, masking name and phone for callers who may not see them.</summary>
    public static V1.Person LinkedMember(PartyMember member, bool personalData) => new()
    {
        MemberId = member.Id,
        Name = personalData ? member.Name : PersonalDataMask.Name(member.Name),
        Phone = personalData ? member.Phone : PersonalDataMask.Phone(member.Phone),
    };

    public static V1.Resolution Resolution(OrgTreeSnapshot tree, Resolution resolution, string category, V1.Person? linkedMember)
    {
        var messages = SnapshotMessages.For(tree);
        var result = new V1.Resolution
        {
            Place = messages.Unit(resolution.ReportedIndex),
            Owner = messages.Unit(resolution.OwnerIndex),
            Department = Department(tree.Matrix.Department(resolution.Rule.DepartmentCode)),
            TimeLimitSeconds = (long)resolution.Chain[0].TimeLimit.TotalSeconds,
            Category = category,
            LinkedMember = linkedMember,
            TreeVersion = resolution.TreeVersion,
        };
        result.People.AddRange(messages.Positions(resolution.OwnerIndex));
        foreach (var step in resolution.Chain)
        {
            var message = new V1.EscalationStep { TimeLimitSeconds = (long)step.TimeLimit.TotalSeconds };
            if (step.Organization is { } organization)
            {
                message.Organization = Organization(tree, organization);
            }
            else if (step.Department is { } department)
            {
                message.Department = result.Department;
            }
            else
            {
                message.Unit = messages.Unit(step.UnitIndex);
            }

            result.EscalationChain.Add(message);
        }

        result.OwnerOrganization = resolution.OwnerOrganization is { } owner ? Organization(tree, owner) : null;
        foreach (var skipped in resolution.SkippedIndexes)
        {
            result.Skipped.Add(messages.Unit(skipped));
        }

        return result;
    }

    /// <summary>Maps an attached organisation, naming its units from the tree (a unit no longer in it is left out).</summary>
    public static V1.AttachedOrganization Organization(OrgTreeSnapshot tree, AttachedOrganization organization)
    {
        var messages = SnapshotMessages.For(tree);
        var message = new V1.AttachedOrganization
        {
            Id = organization.Id,
            Kind = (V1.AttachedOrganizationKind)organization.Kind,
            Name = organization.Name,
            DistrictId = organization.DistrictId,
            Contact = organization.Contact,
            Phone = organization.Phone,
        };
        message.Units.AddRange(organization.UnitIds.Select(id => tree.TryIndexOf(id, out var index) ? messages.Unit(index) : null).OfType<V1.OrgUnit>());
        message.Categories.AddRange(organization.Categories);
        return message;
    }

    public static V1.Household Household(Household household, V1.OrgUnit buildingGroup, bool personalData) => new()
    {
        Id = household.Id,
        BuildingGroup = buildingGroup,
        Building = household.Address.Building,
        Entrance = household.Address.Entrance,
        Room = household.Address.Room,
        HeadName = personalData ? household.HeadName : PersonalDataMask.Name(household.HeadName),
        Phone = personalData ? household.Phone : PersonalDataMask.Phone(household.Phone),
        Version = household.Version,
    };
}
