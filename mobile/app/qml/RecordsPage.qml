// The records of one kind: newest first, with their review state and whether they wait to sync;
// records the server returned or refused come first, so their author fixes them.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

Page {
    id: page
    required property Navigator navigator
    // What the list is filtered by: the search field's text once typing pauses, so that a
    // search through many records runs once per word rather than once per keystroke.
    property string query
    Timer {
        id: searchPause
        interval: 250
        onTriggered: page.query = searchField.text.trim()
    }
    property string kind
    title: Format.kindNames[kind] || ""

    RecordListModel {
        id: records
        store: Session.store
        kind: page.kind
        search: page.query
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: page.width < 500 ? 8 : 16
        RowLayout {
            Layout.fillWidth: true
            TextField { id: searchField; Layout.fillWidth: true; placeholderText: qsTr("搜索"); onTextChanged: searchPause.restart() }
            Button {
                text: qsTr("新建")
                highlighted: true
                Layout.preferredHeight: 48
                onClicked: page.navigator.open("RecordForm.qml", { kind: page.kind })
            }
        }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: records
            spacing: 2
            delegate: RowDelegate {
                id: row
                required property string recordId
                required property string title
                required property string subtitle
                required property string reviewStateText
                required property string attention
                required property bool hasLocalChanges
                width: ListView.view.width
                height: 72
                contentItem: RowLayout {
                    ColumnLayout {
                        Layout.fillWidth: true
                        Label { text: row.title; font.pixelSize: 17; elide: Text.ElideRight; Layout.fillWidth: true }
                        Label { text: row.attention !== "" ? row.attention : row.subtitle; color: row.attention !== "" ? "#b00020" : "#555"; elide: Text.ElideRight; Layout.fillWidth: true }
                    }
                    Label { text: row.hasLocalChanges ? qsTr("待同步") : ""; color: "#b26a00" }
                    Label { text: row.reviewStateText; color: "#555"; Layout.preferredWidth: 80; wrapMode: Text.Wrap }
                }
                onClicked: page.kind === "project"
                           ? page.navigator.open("ProjectPage.qml", { projectId: row.recordId })
                           : page.navigator.open("RecordForm.qml", { kind: page.kind, recordId: row.recordId })
            }
            Label {
                anchors.centerIn: parent
                visible: records.count === 0
                text: qsTr("还没有记录")
                color: "#777"
            }
        }
    }
}
