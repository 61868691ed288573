// Calls the Flask backend through Vite's dev proxy and shows its answer.
const target = document.querySelector('#greeting');
fetch('/api/greeting')
  .then((response) => response.json())
  .then((body) => {
    target.textContent = body.message;
  })
  .catch((error) => {
    target.textContent = `The backend did not answer: ${error}`;
  });
