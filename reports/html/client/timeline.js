// report.html's timelines: one entry's packed data (reports/html/timeline-data.ts) drawn with vis-timeline, one row
// per kind of point on each container's lane, STATUS and faults on rows of their own. Every text from the run
// reaches the page through textContent or vis-timeline's `title` (which it sets as text): never as HTML.
/* exported podconformTimeline */
var podconformTimeline = (function () {
  'use strict';

  var MS = 1000;
  var data = null;

  function timelines() {
    if (data === null) data = JSON.parse(document.getElementById('podconform-timelines').textContent);
    return data;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function seconds(t) {
    return String(Math.round(t * 1000) / 1000) + ' s';
  }

  function span(from, to) {
    return from === to ? seconds(from) : String(Math.round(from * 1000) / 1000) + '–' + seconds(to);
  }

  function pointName(lane, kind, occ) {
    var base = lane + '.' + kind;
    return occ > 1 ? base + '#' + String(occ) : base;
  }

  // kubectl's STATUS texts in four families, so the column reads at a glance.
  function statusFamily(status) {
    if (/^(Running|Completed|Succeeded)$/.test(status)) return 'st-ok';
    if (/^Terminating/.test(status)) return 'st-term';
    if (/Err|Error|BackOff|OOM|Fail|Invalid|Unknown|Evicted|Deadline|Signal|ExitCode/.test(status)) return 'st-bad';
    return 'st-wait';
  }

  function rowLabel(lane, kind, continued) {
    var label = el('span', continued ? 'row-label continued' : 'row-label');
    var laneNode = el('span', 'lane', lane);
    laneNode.title = lane;
    label.appendChild(laneNode);
    label.appendChild(el('span', 'kind', ' ' + kind));
    return label;
  }

  function groupsOf(tl) {
    var groups = [{ id: 'ps', order: 0, className: 'status-row', content: el('span', '', 'STATUS predicted') }];
    if (tl.os) groups.push({ id: 'os', order: 1, className: 'status-row', content: el('span', '', 'STATUS observed') });
    if (tl.b.length > 0) {
      groups.push({ id: 'bands', order: 1.5, className: 'bands-row', content: el('span', '', 'faults, actions') });
    }
    var lastLane = -1;
    tl.rows.forEach(function (row, i) {
      var lane = tl.lanes[row[0]];
      var first = row[0] !== lastLane;
      lastLane = row[0];
      groups.push({
        id: 'r' + String(i),
        order: 2 + i,
        className: first ? 'lane-start' : '',
        content: rowLabel(lane, row[1], !first),
      });
    });
    return groups;
  }

  function statusItems(steps, group, end, items) {
    steps.forEach(function (step, i) {
      var last = i + 1 === steps.length;
      var next = last ? Math.max(end, step[0]) : steps[i + 1][0];
      if (last && next <= step[0]) {
        // A backend that reports STATUS only once, at the end: a short box at the right edge says what it was.
        items.push({
          id: group + String(i),
          group: group,
          type: 'range',
          start: Math.max(0, step[0] - end * 0.12) * MS,
          end: step[0] * MS,
          className: 'st ' + statusFamily(step[1]),
          content: el('span', '', 'final: ' + step[1]),
          title: 'STATUS ' + step[1] + ' at ' + seconds(step[0]) + ' (only the final value was observed)',
        });
        return;
      }
      if (next <= step[0]) return;
      items.push({
        id: group + String(i),
        group: group,
        type: 'range',
        start: step[0] * MS,
        end: next * MS,
        className: 'st ' + statusFamily(step[1]),
        content: el('span', '', step[1]),
        title: (group === 'ps' ? 'predicted' : 'observed') + ' STATUS ' + step[1] + ' from ' + seconds(step[0]),
      });
    });
  }

  function occurrencesPerRow(tl) {
    var counts = {};
    tl.w.forEach(function (w) {
      counts[w[0]] = Math.max(counts[w[0]] || 0, w[4]);
    });
    tl.o.forEach(function (o) {
      counts[o[0]] = Math.max(counts[o[0]] || 0, o[2]);
    });
    return counts;
  }

  function seenPoint(tl, row, occ) {
    return tl.o.some(function (o) {
      return o[0] === row && o[2] === occ;
    });
  }

  function itemsOf(tl) {
    var items = [];
    var d = tl.d;
    var many = occurrencesPerRow(tl);
    var isDivergent = function (row, occ) {
      return d !== undefined && d.row === row && d.occ === occ;
    };
    statusItems(tl.ps, 'ps', tl.end, items);
    if (tl.os) statusItems(tl.os, 'os', tl.end, items);
    tl.w.forEach(function (w, i) {
      var row = tl.rows[w[0]];
      var name = pointName(tl.lanes[row[0]], row[1], w[4]);
      var divergent = isDivergent(w[0], w[4]);
      var occ = many[w[0]] > 1 ? '#' + String(w[4]) : '';
      // A divergent point that never came has no dot to carry the mark: its window says so.
      var label = divergent && !seenPoint(tl, w[0], w[4]) ? '✗ ' + occ + ' never seen' : occ;
      items.push({
        id: 'w' + String(i),
        group: 'r' + String(w[0]),
        type: 'range',
        start: w[1] * MS,
        end: Math.max(w[2], w[1]) * MS,
        className:
          (w[3] === 1 ? 'win-certain' : 'win-possible') + (w[7] ? ' open-ended' : '') + (divergent ? ' divergent' : ''),
        content: el('span', '', label),
        title:
          name +
          ' predicted ' +
          (w[7] ? 'from ' + seconds(w[1]) + ' on (no upper bound)' : span(w[1], w[2])) +
          (w[3] === 1 ? ' (certain)' : ' (possible)') +
          (w[6] ? ', counted from ' + w[6] : '') +
          ', rule ' +
          w[5],
      });
    });
    tl.o.forEach(function (o, i) {
      var row = tl.rows[o[0]];
      var name = pointName(tl.lanes[row[0]], row[1], o[2]);
      var divergent = isDivergent(o[0], o[2]);
      var occ = many[o[0]] > 1 ? '#' + String(o[2]) : '';
      var label = divergent ? '✗ ' + row[1] + occ + ' seen at ' + seconds(o[1]) : occ;
      items.push({
        id: 'o' + String(i),
        group: 'r' + String(o[0]),
        type: 'point',
        start: o[1] * MS,
        className: 'seen' + (divergent ? ' divergent' : ''),
        content: el('span', '', label),
        title: name + ' observed at ' + seconds(o[1]),
      });
    });
    // A fault or action: labelled on its own row, and shaded across the rows of its lane (or of the whole pod).
    tl.b.forEach(function (b, i) {
      var text = b[0] + (b[3] >= 0 ? ' (' + tl.lanes[b[3]] + ')' : '');
      var title = text + ' ' + span(b[1], b[2]);
      items.push({
        id: 'bl' + String(i),
        group: 'bands',
        type: 'range',
        start: b[1] * MS,
        end: Math.max(b[2], b[1]) * MS,
        className: 'band-label',
        content: el('span', '', text),
        title: title,
      });
      var laneRows = [];
      if (b[3] >= 0) {
        tl.rows.forEach(function (row, r) {
          if (row[0] === b[3]) laneRows.push('r' + String(r));
        });
      }
      var targets = laneRows.length > 0 ? laneRows : [undefined];
      targets.forEach(function (group, j) {
        var item = {
          id: 'b' + String(i) + '-' + String(j),
          type: 'background',
          start: b[1] * MS,
          end: Math.max(b[2], b[1]) * MS,
          className: 'band',
          title: title,
        };
        if (group !== undefined) item.group = group;
        items.push(item);
      });
    });
    if (d !== undefined && typeof d.at === 'number') {
      items.push({
        id: 'divergence-at',
        type: 'background',
        start: d.at * MS,
        end: d.at * MS + 1,
        className: 'divergence-at',
        content: el('span', '', ''),
        title: 'first divergence: ' + d.label + ' at ' + seconds(d.at),
      });
    }
    return items;
  }

  function axisLabel(date, scale) {
    var t = date.valueOf() / MS;
    var digits = scale === 'millisecond' ? 3 : 0;
    return t.toFixed(digits) + ' s';
  }

  // The block keeps every text once, in `strings`; an entry refers to them by index (reports/html/timeline-data.ts).
  function chunks(flat, stride) {
    var out = [];
    for (var i = 0; i < flat.length; i += stride) out.push(flat.slice(i, i + stride));
    return out;
  }

  function decode(packed, strings) {
    var text = function (i) {
      return strings[i];
    };
    return {
      lanes: packed.lanes.map(text),
      rows: packed.rows.map(function (r) {
        return [r[0], text(r[1])];
      }),
      end: packed.end,
      w: chunks(packed.w, 6).map(function (w) {
        // row, from, to, occurrence × 4 + flags (1 certain, 2 open-ended), rule, follows (-1: from pod creation)
        var flags = w[3] % 4;
        var follows = w[5] < 0 ? undefined : text(w[5]);
        return [w[0], w[1], w[2], flags & 1, Math.floor(w[3] / 4), text(w[4]), follows, (flags & 2) === 2];
      }),
      o: chunks(packed.o, 3),
      b: packed.b.map(function (b) {
        return [text(b[0]), b[1], b[2], b[3]];
      }),
      ps: packed.ps.map(function (p) {
        return [p[0], text(p[1])];
      }),
      os: packed.os
        ? packed.os.map(function (p) {
            return [p[0], text(p[1])];
          })
        : undefined,
      d: packed.d ? { row: packed.d.row, occ: packed.d.occ, at: packed.d.at, label: text(packed.d.label) } : undefined,
    };
  }

  function draw(host) {
    var index = Number(host.getAttribute('data-entry'));
    var all = timelines();
    var packed = all.entries[index];
    if (!packed) return;
    var tl = decode(packed, all.strings);
    host.setAttribute('data-drawn', 'pending');
    var legend = document.getElementById('timeline-legend');
    if (legend) host.appendChild(legend.content.cloneNode(true));
    var canvas = el('div', 'timeline-canvas');
    host.appendChild(canvas);
    var end = tl.end;
    var pad = Math.max(end * 0.02, 0.2);
    // vis-timeline 8.5 shows a timeline only once a draw follows a range change, so a window given as an option can
    // leave it hidden; with no window it shows at its first draw (fitted to the items). The window and the pan
    // limits are set once that draw is done (limits set before it would clamp its default range and warn).
    var timeline = new vis.Timeline(canvas, itemsOf(tl), groupsOf(tl), {
      onInitialDrawComplete: function () {
        timeline.setOptions({ min: -pad * 4 * MS, max: (end + pad * 4) * MS });
        timeline.setWindow(-pad * MS, (end + pad) * MS, { animation: false });
        host.setAttribute('data-drawn', 'true');
      },
      zoomMin: 10,
      zoomKey: 'ctrlKey',
      stack: false,
      showMajorLabels: false,
      showCurrentTime: false,
      selectable: false,
      // Items hang from the top of their rows: with 'bottom', vis-timeline keeps the bottom in view, so a timeline
      // taller than maxHeight opened scrolled down with the STATUS rows cut off at the top.
      orientation: { axis: 'both', item: 'top' },
      maxHeight: 720,
      verticalScroll: true,
      groupOrder: 'order',
      margin: { item: { horizontal: 0, vertical: 3 }, axis: 4 },
      moment: function (date) {
        return vis.moment(date).utc();
      },
      format: { minorLabels: axisLabel, majorLabels: axisLabel },
      tooltip: { followMouse: true, overflowMethod: 'cap' },
    });
    host.appendChild(
      el('div', 'timeline-caption', 'Seconds since pod creation. Hover an item for its times and rule.'),
    );
  }

  return { draw: draw };
})();
