namespace Hierarchy.Domain.Organization;

/// <summary>What an organisation attached to the tree is: a zone over communities, or a body serving residential compounds.</summary>
public enum AttachedOrganizationKind
{
    /// <summary>片区: a named set of communities of one street with its own leader (Yuqiao's "1+10+24+N").</summary>
    Zone = 1,

    /// <summary>物业服务企业: a property company serving compounds.</summary>
    PropertyCompany = 2,

    /// <summary>业主委员会: a compound's owners' committee.</summary>
    OwnersCommittee = 3,

    /// <summary>物业管理委员会: a property management committee where no owners' committee is elected.</summary>
    PropertyManagementCommittee = 4,
}
