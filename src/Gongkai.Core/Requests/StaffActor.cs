using Gongkai.Staff;

namespace Gongkai.Requests;

/// <summary>The staff member performing a request step: who, in which agency, with which roles.</summary>
public sealed record StaffActor(Guid UserId, string Name, Guid AgencyId, IReadOnlySet<StaffRole> Roles)
{
    public bool IsPlatformAdmin => Roles.Contains(StaffRole.platform_admin);
    public string AuditName => $"staff:{Name}";
}

/// <summary>What a request step needs; the permissions of the feature, declared in one place.</summary>
public enum RequestAction { View, Handle, ApproveExtension, ReviewReply, Supervise }

public static class RequestPermissions
{
    public static bool Allows(this StaffActor actor, RequestAction action, Guid agencyId)
    {
        // The competent office sees every agency's requests and supervises them, but does not handle them.
        if (actor.IsPlatformAdmin && action is RequestAction.View or RequestAction.Supervise) return true;
        if (actor.AgencyId != agencyId) return false;
        return action switch
        {
            RequestAction.View => actor.Roles.Count > 0,
            RequestAction.Handle => actor.Roles.Overlaps([StaffRole.request_handler, StaffRole.office_head, StaffRole.agency_admin]),
            RequestAction.ApproveExtension => actor.Roles.Contains(StaffRole.office_head),
            RequestAction.ReviewReply => actor.Roles.Overlaps([StaffRole.reviewer, StaffRole.office_head]),
            RequestAction.Supervise => false,
            _ => false,
        };
    }

    public static string Refusal(RequestAction action) => action switch
    {
        RequestAction.ApproveExtension => "延长答复期限须由政府信息公开工作机构负责人批准，您没有该权限。",
        RequestAction.ReviewReply => "答复的保密审查须由审核人员或工作机构负责人进行，您没有该权限。",
        RequestAction.Supervise => "只有政务公开主管部门可以督办。",
        _ => "您没有办理该申请的权限。",
    };
}
