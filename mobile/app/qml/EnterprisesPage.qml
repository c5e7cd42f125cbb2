// Enterprises: search by name or unified social credit code; add one with its site location.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

Page {
    id: page
    required property Navigator navigator
    title: qsTr("企业")
    EnterpriseListModel { id: enterprises; store: Session.store; search: searchField.text }
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: page.width < 500 ? 8 : 16
        RowLayout {
            Layout.fillWidth: true
            TextField { id: searchField; Layout.fillWidth: true; placeholderText: qsTr("按名称或统一社会信用代码搜索") }
            Button { text: qsTr("新增企业"); highlighted: true; Layout.preferredHeight: 48; onClicked: page.navigator.open("EnterpriseForm.qml", {}) }
        }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: enterprises
            delegate: RowDelegate {
                id: row
                required property string enterpriseId
                required property string name
                required property string creditCode
                required property string industry
                required property string industryName
                required property string chainLink
                width: ListView.view.width
                height: 68
                contentItem: ColumnLayout {
                    // Cut short on a phone; the row opens the whole enterprise.
                    Label { text: row.name; font.pixelSize: 17; elide: Text.ElideRight; Layout.fillWidth: true }
                    Label { text: [row.creditCode, Format.industryNames[row.industry] || row.industryName, row.chainLink].filter(s => s).join(" · "); color: "#555"; elide: Text.ElideRight; Layout.fillWidth: true }
                }
                onClicked: page.navigator.open("EnterpriseForm.qml", { enterpriseId: row.enterpriseId })
            }
        }
    }
}
