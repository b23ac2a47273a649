namespace Gongkai.Staff;

/// <summary>
/// Staff roles. All but <see cref="platform_admin"/> act within the user's own agency;
/// the platform admin (the competent office, 主管部门) acts over every agency.
/// </summary>
public enum StaffRole
{
    /// <summary>采编</summary>
    editor,
    /// <summary>审核（保密审查）</summary>
    reviewer,
    /// <summary>依申请公开办理</summary>
    request_handler,
    /// <summary>公开工作机构负责人（批准延期等）</summary>
    office_head,
    /// <summary>机关管理员</summary>
    agency_admin,
    /// <summary>平台管理员（政务公开主管部门）</summary>
    platform_admin,
}

public static class StaffRoles
{
    public static string Label(StaffRole role) => role switch
    {
        StaffRole.editor => "采编",
        StaffRole.reviewer => "审核（保密审查）",
        StaffRole.request_handler => "依申请办理",
        StaffRole.office_head => "公开工作机构负责人",
        StaffRole.agency_admin => "机关管理员",
        StaffRole.platform_admin => "平台管理员",
        _ => role.ToString(),
    };

    public static bool TryParse(string? key, out StaffRole role) =>
        Enum.TryParse(key?.Trim().Replace('-', '_'), ignoreCase: false, out role) && Enum.IsDefined(role);
}
