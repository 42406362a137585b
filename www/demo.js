// Demo page only: shows the events the cards dispatch.
document.addEventListener("review-card:comment", function (e) {
  e.preventDefault(); // the demo posts nowhere
  var li = document.createElement("li");
  li.textContent = "review-card:comment " + JSON.stringify(e.detail, null, 1);
  document.getElementById("event-log").appendChild(li);
});
document.addEventListener("review-card:error", function (e) {
  var li = document.createElement("li");
  li.textContent = "review-card:error " + e.detail.message;
  document.getElementById("event-log").appendChild(li);
});
