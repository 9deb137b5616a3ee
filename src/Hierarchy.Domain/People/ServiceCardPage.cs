using System.Net;
using System.Text;
using Hierarchy.Domain.ReadModel;

namespace Hierarchy.Domain.People;

/// <summary>A service card as a printable page: one A5-sized card, every text HTML-encoded, no scripts or outside resources.</summary>
public static class ServiceCardPage
{
    /// <summary>Renders the card.</summary>
    public static string Render(OrgTreeSnapshot tree, ServiceCard card)
    {
        var group = tree.UnitAt(card.BuildingGroupIndex);
        var place = string.Join(" ", tree.AncestorsOf(card.BuildingGroupIndex).Reverse().Select(i => tree.UnitAt(i).Name).Append(group.Name));
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>便民服务卡 ").Append(E(group.Name)).Append("</title>")
            .Append("<style>body{font-family:sans-serif;width:148mm;margin:8mm}h1{font-size:20pt}table{border-collapse:collapse;width:100%}")
            .Append("td,th{border:1px solid #444;padding:4px;text-align:left}.qr{font-family:monospace;font-size:8pt}</style></head><body>\n")
            .Append("<h1>便民服务卡</h1>\n<p>").Append(E(place)).Append("</p>\n<table><tr><th>职务</th><th>姓名</th><th>工作电话</th><th>所在</th></tr>\n");
        foreach (var (role, position, unit) in card.Contacts)
        {
            html.Append("<tr><td>").Append(E(role)).Append("</td><td>").Append(E(position.HolderName)).Append("</td><td>")
                .Append(E(position.HolderPhone)).Append("</td><td>").Append(E(tree.UnitAt(unit).Name)).Append("</td></tr>\n");
        }

        foreach (var organization in card.Organizations)
        {
            html.Append("<tr><td>").Append(E(ServiceCard.RoleOf(organization.Kind))).Append("</td><td>").Append(E(organization.Contact)).Append("</td><td>")
                .Append(E(organization.Phone)).Append("</td><td>").Append(E(organization.Name)).Append("</td></tr>\n");
        }

        html.Append("</table>\n<h2>热线</h2>\n<ul>");
        foreach (var (name, number) in ServiceCard.Hotlines)
        {
            html.Append("<li>").Append(E(name)).Append(' ').Append(E(number)).Append("</li>");
        }

        return html.Append("</ul>\n<p class=\"qr\">扫码即知: ").Append(E(ServiceCard.QrPayload(group))).Append("</p>\n</body></html>\n").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
