// How a page moves through the app: opens a form or a detail page on top of the current one and
// goes back. Main.qml makes one over its StackView and hands it to every page it shows (their
// `required property Navigator navigator`); a page that closes itself (a saved form) emits
// closed(), and the navigator takes it off.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls

QtObject {
    id: navigator
    property StackView stack

    // Pushes the page (a file of this module) with its properties and this navigator.
    function open(page, properties) {
        if (!stack)
            return null
        let all = { navigator: navigator }
        for (const k in (properties || {}))
            all[k] = properties[k]
        const item = stack.push(Qt.resolvedUrl(page), all)
        if (item && item.closed !== undefined)
            item.closed.connect(navigator.back)
        return item
    }

    // Replaces the whole stack with the page (the destinations of the rail); `opens`: the page
    // opens others, and gets this navigator.
    function show(page, properties, opens) {
        let all = opens ? { navigator: navigator } : {}
        for (const k in (properties || {}))
            all[k] = properties[k]
        stack.replace(null, Qt.resolvedUrl(page), all)
    }

    function back() {
        if (stack && stack.depth > 1)
            stack.pop()
    }
}
