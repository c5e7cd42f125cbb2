// One form for every kind of record, driven by forms.js. The record is the wire JSON; saving
// hands it to the app core, which validates it with the domain library and writes it and its
// outbox entry in one transaction. A refused save names the field and the problem.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Ledger.App
import Ledger.Positioning
import "forms.js" as Forms

Page {
    id: page
    property string kind
    property string recordId          // empty: a new record
    property var defaults: ({})       // fields preset by the caller (a milestone's project, …)
    // Built at creation (not in onCompleted), so the fields — created first — see it.
    property var record: initialRecord()
    property string errorField
    property string errorMessage
    signal saved(string id)

    title: recordId === "" ? qsTr("新建") + " · " + App.kindName(kind) : App.kindName(kind)

    function initialRecord() {
        let r = recordId === "" ? App.newRecord(kind) : App.record(recordId)
        for (const k in defaults)
            r[k] = defaults[k]
        return r
    }

    property var checkInController: null

    function setField(key, value) {
        let r = record
        if (value === undefined || value === null || value === "")
            delete r[key]
        else
            r[key] = value
        record = r
        if (errorField.startsWith(key))
            errorField = ""
        if (key === "enterprise" && checkInController && !record.checkIn)
            App.prepareCheckIn(checkInController, value)
    }

    function save() {
        const result = App.saveRecord(record)
        if (result.ok) {
            page.saved(result.id)
            window.back()
        } else {
            errorField = result.field
            errorMessage = result.message
        }
    }

    // A new visit made on this trip: the visit names the trip, so the trip is saved first
    // (checked as 保存 checks it) and stays open underneath to show the visit once it is saved.
    function addVisitOnTrip() {
        const result = App.saveRecord(record)
        if (!result.ok) {
            errorField = result.field
            errorMessage = result.message
            return
        }
        errorField = ""
        recordId = result.id
        record = App.record(result.id)
        window.open("RecordForm.qml", { kind: "visit", defaults: { trip: result.id, date: record.start } })
    }

    FileDialog {
        id: fileDialog
        property string targetKey
        title: qsTr("选择文件或照片")
        nameFilters: [qsTr("文档和照片 (*.pdf *.jpg *.jpeg *.png *.heic *.docx *.xlsx)")]
        onAccepted: {
            const a = App.attach(selectedFile)
            if (a.ok) {
                let list = (page.record[targetKey] || []).slice()
                list.push(a.attachment)
                page.setField(targetKey, list)
            } else {
                page.errorField = targetKey
                page.errorMessage = a.message
            }
        }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(scroll.availableWidth - 48, 900)
            x: 24
            spacing: 14

            Item { Layout.preferredHeight: 8 }

            Label {
                visible: page.record.review !== undefined && page.record.review.state === "returned"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: "#b00020"
                text: qsTr("已退回：%1").arg(page.record.review ? (page.record.review.reason || "") : "")
            }
            Label {
                visible: (page.record._rejected || "") !== ""
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: "#b00020"
                text: qsTr("服务器未接收：%1。请修改后重新保存。").arg(page.record._rejected || "")
            }

            Repeater {
                model: Forms.specs[page.kind] || []
                delegate: ColumnLayout {
                    id: field
                    required property var modelData
                    readonly property string key: modelData.key
                    readonly property bool hasError: page.errorField !== "" && (page.errorField === key || page.errorField.startsWith(key + ".") || page.errorField.startsWith(key + "["))
                    Layout.fillWidth: true
                    spacing: 4

                    Label {
                        text: qsTranslate("forms", field.modelData.label) + (field.modelData.optional ? "" : " *")
                        font.pixelSize: 16
                        color: field.hasError ? "#b00020" : palette.text
                    }

                    Loader {
                        Layout.fillWidth: true
                        sourceComponent: {
                            switch (field.modelData.type) {
                            case "textarea": return textAreaEditor
                            case "date": return dateEditor
                            case "money": return moneyEditor
                            case "bool": return boolEditor
                            case "choice": return choiceEditor
                            case "enterprise": return enterpriseEditor
                            case "industry": return industryEditor
                            case "industries": return industriesEditor
                            case "institutions": return institutionsEditor
                            case "attachments": return attachmentsEditor
                            case "checkin": return checkInEditor
                            case "trip": return tripEditor
                            case "tripVisits": return tripVisitsEditor
                            default: return textEditor
                            }
                        }
                        property var spec: field.modelData
                    }

                    Label {
                        visible: field.hasError
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: "#b00020"
                        text: page.errorMessage
                    }
                }
            }

            Label {
                visible: page.errorField !== "" && page.errorMessage !== "" && !(Forms.specs[page.kind] || []).some(s => page.errorField.startsWith(s.key))
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: "#b00020"
                text: page.errorField + "：" + page.errorMessage
            }

            RowLayout {
                Layout.topMargin: 12
                Button {
                    text: qsTr("保存")
                    highlighted: true
                    Layout.preferredHeight: 52
                    Layout.preferredWidth: 160
                    font.pixelSize: 18
                    onClicked: page.save()
                }
                Button {
                    text: qsTr("取消")
                    Layout.preferredHeight: 52
                    onClicked: window.back()
                }
            }
            Item { Layout.preferredHeight: 24 }
        }
    }

    Component {
        id: textEditor
        TextField {
            text: page.record[spec.key] || ""
            font.pixelSize: 17
            onTextEdited: page.setField(spec.key, text)
        }
    }
    Component {
        id: textAreaEditor
        TextArea {
            text: page.record[spec.key] || ""
            wrapMode: TextEdit.Wrap
            font.pixelSize: 17
            implicitHeight: Math.max(96, contentHeight + 24)
            onTextChanged: if (text !== (page.record[spec.key] || "")) page.setField(spec.key, text)
        }
    }
    Component {
        id: dateEditor
        TextField {
            text: page.record[spec.key] || ""
            placeholderText: qsTr("年-月-日，如 2023-06-30")
            inputMethodHints: Qt.ImhDate
            font.pixelSize: 17
            onTextEdited: page.setField(spec.key, text)
        }
    }
    Component {
        id: moneyEditor
        RowLayout {
            readonly property string currency: spec.currencyFrom
                ? (page.record[spec.currencyFrom] === "outside_province_rmb" || !page.record[spec.currencyFrom] ? "CNY" : "USD")
                : spec.currency
            TextField {
                Layout.fillWidth: true
                text: page.record[spec.key] ? page.record[spec.key].amount : ""
                placeholderText: qsTr("金额，如 800000000.00")
                inputMethodHints: Qt.ImhFormattedNumbersOnly
                font.pixelSize: 17
                onTextEdited: page.setField(spec.key, text === "" ? undefined : { currency: parent.currency, amount: text })
            }
            Label {
                text: parent.currency === "CNY" ? qsTr("元") : qsTr("美元")
            }
            Label {
                color: "#555"
                text: page.record[spec.key] ? App.formatMoney(page.record[spec.key]) : ""
            }
        }
    }
    Component {
        id: boolEditor
        Switch {
            checked: page.record[spec.key] === true
            onToggled: { let r = page.record; r[spec.key] = checked; page.record = r }
        }
    }
    Component {
        id: choiceEditor
        ComboBox {
            model: spec.choices.map(c => ({ value: c.value, label: qsTranslate("forms", c.label) }))
            textRole: "label"
            valueRole: "value"
            font.pixelSize: 17
            Component.onCompleted: currentIndex = Math.max(0, indexOfValue(page.record[spec.key] || ""))
            onActivated: page.setField(spec.key, currentValue)
        }
    }
    Component {
        id: enterpriseEditor
        RowLayout {
            ComboBox {
                id: combo
                Layout.fillWidth: true
                model: EnterpriseListModel { store: App.store }
                textRole: "name"
                valueRole: "enterpriseId"
                displayText: currentIndex < 0 ? qsTr("请选择企业") : currentText
                font.pixelSize: 17
                Component.onCompleted: currentIndex = indexOfValue(page.record[spec.key] || "")
                onActivated: page.setField(spec.key, currentValue)
            }
            Button {
                text: qsTr("新增企业")
                onClicked: {
                    const form = window.open("EnterpriseForm.qml", {})
                }
            }
        }
    }
    Component {
        id: industryEditor
        ComboBox {
            model: [{ key: "", name: qsTr("未选择") }].concat(App.industries())
            textRole: "name"
            valueRole: "key"
            font.pixelSize: 17
            Component.onCompleted: currentIndex = Math.max(0, indexOfValue(page.record[spec.key] || ""))
            onActivated: page.setField(spec.key, currentValue)
        }
    }
    Component {
        id: industriesEditor
        Flow {
            spacing: 8
            Repeater {
                model: App.industries()
                CheckBox {
                    required property var modelData
                    text: modelData.name + (modelData.leading ? "" : qsTr("（新兴）"))
                    checked: (page.record[spec.key] || []).indexOf(modelData.key) >= 0
                    onToggled: {
                        let list = (page.record[spec.key] || []).filter(k => k !== modelData.key)
                        if (checked)
                            list.push(modelData.key)
                        page.setField(spec.key, list)
                    }
                }
            }
        }
    }
    Component {
        id: institutionsEditor
        ColumnLayout {
            Repeater {
                model: page.record[spec.key] || []
                RowLayout {
                    required property var modelData
                    required property int index
                    Label {
                        Layout.fillWidth: true
                        text: modelData.name + " · " + qsTranslate("forms", Forms.institutionCategories.find(c => c.value === modelData.category).label)
                    }
                    Button {
                        text: qsTr("删除")
                        onClicked: {
                            let list = page.record[spec.key].slice()
                            list.splice(index, 1)
                            page.setField(spec.key, list)
                        }
                    }
                }
            }
            RowLayout {
                TextField { id: instName; Layout.fillWidth: true; placeholderText: qsTr("机构或企业家名称") }
                ComboBox {
                    id: instCategory
                    model: Forms.institutionCategories.map(c => ({ value: c.value, label: qsTranslate("forms", c.label) }))
                    textRole: "label"
                    valueRole: "value"
                }
                Button {
                    text: qsTr("添加")
                    enabled: instName.text.trim() !== ""
                    onClicked: {
                        let list = (page.record[spec.key] || []).slice()
                        list.push({ name: instName.text.trim(), category: instCategory.currentValue, date: page.record.start || App.today() })
                        page.setField(spec.key, list)
                        instName.text = ""
                    }
                }
            }
        }
    }
    Component {
        id: tripEditor
        ComboBox {
            textRole: "label"
            valueRole: "id"
            font.pixelSize: 17
            // Read once: trips on the visit's date first, then the most recent.
            Component.onCompleted: {
                model = [{ id: "", label: qsTr("否（不属于外出招商）") }].concat(App.tripChoices(page.record.date || ""))
                currentIndex = Math.max(0, indexOfValue(page.record[spec.key] || ""))
            }
            onActivated: page.setField(spec.key, currentValue)
        }
    }
    Component {
        id: tripVisitsEditor
        ColumnLayout {
            id: tripVisits
            // Read again whenever the store changes (a visit saved on top of this form).
            property int revision: 0
            readonly property var listed: page.record[spec.key] || []
            readonly property var made: { revision; return App.tripVisits(page.record.id, listed) }
            readonly property var candidates: { revision; return App.tripVisitCandidates(page.record.id || "", page.record.start || "", page.record.end || "", page.record.members || [], listed) }
            Connections {
                target: App.store
                function onChanged() { tripVisits.revision += 1 }
            }
            Label {
                visible: tripVisits.made.length === 0
                text: qsTr("还没有本次外出的拜访记录")
                color: "#777"
            }
            Repeater {
                model: tripVisits.made
                RowLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    Label {
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        text: (modelData.date || "") + "  " + modelData.enterpriseName + (modelData.purpose ? " · " + modelData.purpose : "")
                              + (modelData.checkedIn ? qsTr(" · 已签到") : "")
                    }
                    Label {
                        visible: modelData.fromVisit
                        text: qsTr("拜访记录中已选本次外出")
                        color: "#555"
                    }
                    Button {
                        visible: !modelData.fromVisit
                        text: qsTr("移出")
                        onClicked: page.setField(spec.key, tripVisits.listed.filter(id => id !== modelData.id))
                    }
                }
            }
            Button {
                text: qsTr("新建本次外出的拜访")
                onClicked: page.addVisitOnTrip()
            }
            Label {
                visible: tripVisits.candidates.length > 0
                Layout.topMargin: 6
                text: qsTr("外出期间的其他拜访，可加入本次外出：")
                color: "#555"
            }
            Repeater {
                model: tripVisits.candidates
                RowLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    Label {
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        text: modelData.date + "  " + modelData.enterpriseName + (modelData.purpose ? " · " + modelData.purpose : "")
                    }
                    Button {
                        text: qsTr("加入")
                        onClicked: page.setField(spec.key, tripVisits.listed.concat([modelData.id]))
                    }
                }
            }
        }
    }
    Component {
        id: attachmentsEditor
        ColumnLayout {
            Repeater {
                model: page.record[spec.key] || []
                RowLayout {
                    required property var modelData
                    required property int index
                    Label { Layout.fillWidth: true; text: qsTr("📎 %1（%2 KB）").arg(modelData.name).arg(Math.ceil(modelData.size / 1024)) }
                    Button {
                        text: qsTr("移除")
                        onClicked: {
                            let list = page.record[spec.key].slice()
                            list.splice(index, 1)
                            page.setField(spec.key, list)
                        }
                    }
                }
            }
            Button {
                text: qsTr("添加文件或照片")
                onClicked: { fileDialog.targetKey = spec.key; fileDialog.open() }
            }
        }
    }
    Component {
        id: checkInEditor
        ColumnLayout {
            Label {
                visible: page.record.checkIn !== undefined
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: "#2e7d32"
                text: page.record.checkIn ? qsTr("已签到：精度 ±%1 米，距企业注册地址 %2")
                                              .arg(Math.round(page.record.checkIn.accuracyM))
                                              .arg(page.record.checkIn.distanceM !== undefined ? qsTr("%1 米").arg(Math.round(page.record.checkIn.distanceM)) : qsTr("未知"))
                                          : ""
            }
            Label {
                visible: (page.record.noCheckInReason || "") !== ""
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: "#b26a00"
                text: qsTr("未签到：%1").arg(page.record.noCheckInReason || "")
            }
            CheckInPanel {
                Layout.fillWidth: true
                controller: CheckInController { id: checkIn }
                Component.onCompleted: {
                    page.checkInController = checkIn
                    if (!page.record.checkIn && page.record.enterprise)
                        App.prepareCheckIn(checkIn, page.record.enterprise)
                }
                onAccepted: (json) => { page.setField("checkIn", json); page.setField("noCheckInReason", "") }
                onGaveUp: (reason) => { page.setField("checkIn", undefined); page.setField("noCheckInReason", reason) }
            }
        }
    }
}
